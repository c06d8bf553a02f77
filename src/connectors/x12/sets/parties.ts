import { isValidGln } from "../../../model/identifiers/gln.js";
import { isValidHin } from "../../../model/identifiers/hin.js";
import type { Party, PartyId, TradeAddress } from "../../../model/schemas/trade-common.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { Segment } from "../envelope/segment.js";
import type { DecodeContext } from "./mapping-context.js";

type Role = Party["role"];
type Scheme = PartyId["scheme"];

/** DE98 entity identifier → role. Codes not listed become "other". */
const ROLE_BY_CODE: Readonly<Record<string, Role>> = {
  BY: "buyer",
  SE: "seller",
  SU: "supplier",
  VN: "supplier",
  ST: "ship-to",
  SF: "ship-from",
  BT: "bill-to",
  RI: "remit-to",
  BG: "group-purchasing-organization",
  EB: "member",
  MF: "manufacturer",
  DS: "distributor",
  DB: "distributor",
};

const CODE_BY_ROLE: Readonly<Record<Role, string>> = {
  buyer: "BY",
  seller: "SE",
  supplier: "SU",
  "ship-to": "ST",
  "ship-from": "SF",
  "bill-to": "BT",
  "remit-to": "RI",
  "group-purchasing-organization": "BG",
  member: "EB",
  manufacturer: "MF",
  distributor: "DS",
  other: "ZZ",
};

/** DE66 id code qualifier → scheme. Unlisted qualifiers become "other". */
const SCHEME_BY_QUALIFIER: Readonly<Record<string, Scheme>> = {
  UL: "gln",
  "1": "duns",
  "14": "duns",
  "9": "duns4",
  "21": "hin",
  "91": "seller-assigned",
  "92": "buyer-assigned",
  FI: "tin",
  "24": "tin",
};

const QUALIFIER_BY_SCHEME: Readonly<Record<Scheme, string>> = {
  gln: "UL",
  duns: "1",
  duns4: "9",
  hin: "21",
  "seller-assigned": "91",
  "buyer-assigned": "92",
  tin: "FI",
  canonical: "ZZ",
  network: "ZZ",
  other: "ZZ",
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface PartyDraft {
  role: Role;
  name?: string;
  ids: PartyId[];
  address?: Mutable<TradeAddress> & { lines: string[] };
}

/**
 * Collects N1 loops (N1, N2, N3, N4; REF/PER are skipped) into parties. A mapper calls `n1` on
 * each N1 it treats as a party and `continues` on the segments after it.
 */
export class PartyCollector {
  readonly parties: PartyDraft[] = [];
  #current: PartyDraft | undefined;

  constructor(private readonly ctx: DecodeContext) {}

  n1(segment: Segment): PartyDraft {
    const ctx = this.ctx;
    const code = ctx.text(segment, 1) ?? "";
    const party: PartyDraft = { role: ROLE_BY_CODE[code] ?? "other", ids: [] };
    const name = ctx.text(segment, 2);
    if (name) party.name = name;
    const qualifier = ctx.text(segment, 3);
    const id = ctx.text(segment, 4);
    if (qualifier && id) {
      const scheme = SCHEME_BY_QUALIFIER[qualifier] ?? "other";
      if (scheme === "gln" && !isValidGln(id)) {
        ctx.warn(segment, 4, "x12.gln-check", `GLN ${id} is not 13 digits with a valid check digit; kept as sent`);
      }
      if (scheme === "hin" && !isValidHin(id)) {
        ctx.warn(segment, 4, "x12.hin-format", `HIN ${id} is not 9 characters A-Z/0-9; kept as sent`);
      }
      party.ids.push({ scheme, value: id });
    }
    this.parties.push(party);
    this.#current = party;
    return party;
  }

  /** Applies N2/N3/N4 to the current party; returns false (and closes the loop) for anything else. */
  continues(segment: Segment): boolean {
    const party = this.#current;
    if (party === undefined) return false;
    const ctx = this.ctx;
    switch (segment.id) {
      case "N2":
        if (party.name === undefined) {
          const name = ctx.text(segment, 1);
          if (name) party.name = name;
        }
        return true;
      case "N3": {
        party.address ??= { lines: [] };
        for (const n of [1, 2]) {
          const line = ctx.text(segment, n);
          if (line === undefined) continue;
          if (party.address.lines.length < 4) party.address.lines.push(line);
          else ctx.warn(segment, n, "x12.address-lines", "more than 4 address lines; the rest is dropped");
        }
        return true;
      }
      case "N4": {
        party.address ??= { lines: [] };
        const [city, region, postalCode, country] = [1, 2, 3, 4].map((n) => ctx.text(segment, n));
        if (city) party.address.city = city;
        if (region) party.address.region = region;
        if (postalCode) party.address.postalCode = postalCode;
        if (country) party.address.country = country;
        return true;
      }
      case "REF":
      case "PER":
        return true;
      default:
        this.#current = undefined;
        return false;
    }
  }

  close(): void {
    this.#current = undefined;
  }
}

/** N1 (+N3 pairs, N4) for one party. Only the first id fits in N103/N104; the caller warns about the rest. */
export function encodeParty(party: Party): SegmentValues[] {
  const id = party.ids[0];
  const out: SegmentValues[] = [
    ["N1", CODE_BY_ROLE[party.role], party.name ?? "", id ? QUALIFIER_BY_SCHEME[id.scheme] : "", id?.value ?? ""],
  ];
  const a = party.address;
  if (a) {
    for (let i = 0; i < a.lines.length; i += 2) out.push(["N3", a.lines[i]!, a.lines[i + 1] ?? ""]);
    if (a.city || a.region || a.postalCode || a.country) {
      out.push(["N4", a.city ?? "", a.region ?? "", a.postalCode ?? "", a.country ?? ""]);
    }
  }
  return out;
}

/** Schemes that survive encode → decode unchanged (canonical/network ids travel as ZZ and come back as "other"). */
export const ROUND_TRIP_SCHEMES: readonly Scheme[] = [
  "gln",
  "duns",
  "duns4",
  "hin",
  "seller-assigned",
  "buyer-assigned",
  "tin",
  "other",
];
export const ROUND_TRIP_ROLES: readonly Role[] = Object.keys(CODE_BY_ROLE) as Role[];
