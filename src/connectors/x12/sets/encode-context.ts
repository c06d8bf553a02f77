import { Errors } from "../../../errors/index.js";
import type { Issue } from "../../../model/issue.js";
import type { Party, PaymentTerms } from "../../../model/schemas/trade-common.js";
import type { Uom } from "../../../model/schemas/uom.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import { uomCode } from "./mapping-context.js";
import { encodeParty } from "./parties.js";
import type { CompiledX12Options } from "./x12-options.js";

/** State of one canonical → X12 encoding: options, and what could not be carried (as warnings). */
export class EncodeContext {
  readonly warnings: Issue[] = [];

  constructor(readonly options: CompiledX12Options) {}

  warn(path: string, rule: string, message: string): void {
    this.warnings.push({ path, rule, message });
  }

  /** Throws CONCORD_ERR_EDI_MAPPING naming the canonical field (JSON pointer). */
  fail(path: string, message: string): never {
    throw Errors.EdiMapping(`cannot encode ${path}: ${message}`, { path });
  }

  uom(uom: Uom): string {
    return uomCode(uom, this.options);
  }

  parties(parties: readonly Party[], path = "/parties"): SegmentValues[] {
    const out: SegmentValues[] = [];
    parties.forEach((party, i) => {
      if (party.ids.length > 1) {
        this.warn(
          `${path}/${i}/ids`,
          "x12.party-extra-ids",
          `N1 carries one id; ${party.ids.length - 1} more not sent`,
        );
      }
      const id = party.ids[0];
      if (id && (id.scheme === "canonical" || id.scheme === "network")) {
        this.warn(`${path}/${i}/ids/0`, "x12.party-id-scheme", `${id.scheme} ids travel as ZZ (mutually defined)`);
      }
      out.push(...encodeParty(party));
    });
    return out;
  }

  /** Today (or the configured clock) as CCYYMMDD and HHMM, for elements X12 requires but the document lacks. */
  stamp(): { date: string; time: string } {
    const d = this.options.now();
    const iso = d.toISOString();
    return { date: iso.slice(0, 10).replaceAll("-", ""), time: iso.slice(11, 13) + iso.slice(14, 16) };
  }
}

/** ITD: 08 (basic discount offered) when there is a discount, else 05 (discount not applicable); basis 3 = invoice date. */
export function encodeTerms(t: PaymentTerms): SegmentValues {
  return [
    "ITD",
    t.discountPercent ? "08" : "05",
    "3",
    t.discountPercent ?? "",
    "",
    t.discountDays === undefined ? "" : String(t.discountDays),
    "",
    String(t.netDays),
    "",
    "",
    "",
    "",
    t.description ?? "",
  ];
}
