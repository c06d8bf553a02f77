import type { Party, PartyId, TradeAddress } from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";

type Scheme = PartyId["scheme"];
type Role = Party["role"];

/** addressIDDomain / IdReference@domain ↔ canonical id scheme; decoding is case-insensitive. */
const SCHEME_DOMAIN: Readonly<Record<Scheme, string | undefined>> = {
  canonical: "Concord",
  gln: "GLN",
  duns: "DUNS",
  duns4: "DUNS+4",
  hin: "HIN",
  "buyer-assigned": "buyerLocationID",
  "seller-assigned": "supplierLocationID",
  tin: "TaxID",
  network: "NetworkID",
  // An id whose domain we do not know travels without addressIDDomain and comes back as "other".
  other: undefined,
};
const DOMAIN_SCHEME = new Map<string, Scheme>([
  ...Object.entries(SCHEME_DOMAIN)
    .filter(([, d]) => d !== undefined)
    .map(([s, d]) => [d!.toLowerCase(), s as Scheme] as const),
  ["iln", "gln"],
  ["duns4", "duns4"],
  ["networkid", "network"],
  ["anid", "network"],
  ["tin", "tin"],
  ["ein", "tin"],
  ["other", "other"],
]);

export function schemeOf(domain: string | undefined): Scheme {
  return (domain && DOMAIN_SCHEME.get(domain.toLowerCase())) || "other";
}

/** Contact@role ↔ canonical party role. People (endUser, purchasingAgent…) are not trade parties. */
const ROLE_TO_CXML: Readonly<Record<Role, string>> = {
  buyer: "soldTo",
  seller: "from",
  supplier: "supplierCorporate",
  "ship-to": "shipTo",
  "ship-from": "shipFrom",
  "bill-to": "billTo",
  "remit-to": "remitTo",
  "group-purchasing-organization": "gpo",
  member: "member",
  manufacturer: "manufacturer",
  distributor: "distributor",
  other: "other",
};
const CXML_TO_ROLE = new Map<string, Role>([
  ...Object.entries(ROLE_TO_CXML).map(([r, c]) => [c.toLowerCase(), r as Role] as const),
  ["buyer", "buyer"],
  ["buyercorporate", "buyer"],
  ["buyeraccount", "buyer"],
  ["issuerofinvoice", "seller"],
  ["supplieraccount", "supplier"],
  ["suppliermasteraccount", "supplier"],
]);
const PERSON_ROLES = new Set([
  "enduser",
  "administrator",
  "purchasingagent",
  "technicalsupport",
  "customerservice",
  "sales",
  "to",
]);

function decodePostalAddress(pa: CxmlCursor, fallbackCountry: string | undefined): TradeAddress {
  const raw = [...pa.children("DeliverTo"), ...pa.children("Street")]
    .map((c) => c.text())
    .filter((t): t is string => t !== undefined);
  // The canonical address has at most 4 lines; fold the rest into the last so nothing is lost.
  const lines = raw.length > 4 ? [...raw.slice(0, 3), raw.slice(3).join(", ")] : raw;
  const city = pa.childText("City");
  const region = pa.childText("State");
  const postalCode = pa.childText("PostalCode");
  const country = pa.child("Country")?.attr("isoCountryCode") ?? fallbackCountry;
  return {
    lines,
    ...(city === undefined ? {} : { city }),
    ...(region === undefined ? {} : { region }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(country === undefined ? {} : { country }),
  };
}

function finish(role: Role, name: string | undefined, ids: PartyId[], address: TradeAddress | undefined) {
  if (name === undefined && ids.length === 0 && address === undefined) return undefined;
  const party: Party = {
    role,
    ...(name === undefined ? {} : { name }),
    ids,
    ...(address === undefined ? {} : { address }),
  };
  return party;
}

/** `<ShipTo>|<BillTo>` → `<Address addressID addressIDDomain isoCountryCode>`. Empty addresses are no party. */
export function decodeAddressParty(holder: CxmlCursor | undefined, role: Role): Party | undefined {
  const address = holder?.child("Address");
  if (!address) return undefined;
  const id = address.attr("addressID");
  const ids: PartyId[] = id === undefined ? [] : [{ scheme: schemeOf(address.attr("addressIDDomain")), value: id }];
  const pa = address.child("PostalAddress");
  return finish(
    role,
    address.childText("Name"),
    ids,
    pa ? decodePostalAddress(pa, address.attr("isoCountryCode")) : undefined,
  );
}

/** `<Contact role addressID>` with IdReference ids; undefined for people and empty contacts. */
export function decodeContactParty(contact: CxmlCursor): Party | undefined {
  const cxmlRole = (contact.attr("role") ?? "").toLowerCase();
  if (PERSON_ROLES.has(cxmlRole) || cxmlRole === "") return undefined;
  const role = CXML_TO_ROLE.get(cxmlRole) ?? "other";
  const ids: PartyId[] = [];
  const id = contact.attr("addressID");
  if (id !== undefined) ids.push({ scheme: schemeOf(contact.attr("addressIDDomain")), value: id });
  for (const ref of contact.children("IdReference")) {
    const value = ref.attr("identifier");
    if (value !== undefined) ids.push({ scheme: schemeOf(ref.attr("domain")), value });
  }
  const pa = contact.child("PostalAddress");
  return finish(role, contact.childText("Name"), ids, pa ? decodePostalAddress(pa, undefined) : undefined);
}

function encodePostalAddress(a: TradeAddress): XmlElement {
  const streets = a.lines.length === 0 ? [""] : a.lines;
  return xmlElement(
    "PostalAddress",
    {},
    streets.map((l) => xmlElement("Street", {}, l)),
    xmlElement("City", {}, a.city ?? ""),
    a.region !== undefined && xmlElement("State", {}, a.region),
    a.postalCode !== undefined && xmlElement("PostalCode", {}, a.postalCode),
    xmlElement("Country", { isoCountryCode: a.country ?? "" }, a.country ?? ""),
  );
}

/**
 * A party as `<ShipTo>/<BillTo>`'s Address. Address carries one id (addressID): a party with more
 * is refused by the caller's check (encode never drops an identifier silently).
 */
export function encodeAddress(p: Party, lang: string): XmlElement {
  const id = p.ids[0];
  return xmlElement(
    "Address",
    { addressID: id?.value, addressIDDomain: id ? SCHEME_DOMAIN[id.scheme] : undefined },
    xmlElement("Name", { "xml:lang": lang }, p.name ?? ""),
    p.address && encodePostalAddress(p.address),
  );
}

/** A party as `<Contact role>` with every id as an IdReference. */
export function encodeContact(p: Party, lang: string): XmlElement {
  return xmlElement(
    "Contact",
    { role: ROLE_TO_CXML[p.role] },
    xmlElement("Name", { "xml:lang": lang }, p.name ?? ""),
    p.address && encodePostalAddress(p.address),
    p.ids.map((id) => xmlElement("IdReference", { identifier: id.value, domain: SCHEME_DOMAIN[id.scheme] ?? "other" })),
  );
}
