import type { Supplier } from "../../src/model/index.js";
import { withGs1CheckDigit } from "../shared/gs1.js";
import type { Rng } from "../shared/prng.js";
import {
  DISTRIBUTOR_SUFFIXES,
  LEGAL_FORMS,
  LOCATIONS,
  MANUFACTURER_SUFFIXES,
  SUPPLIER_PREFIXES,
} from "./catalog-data.js";

export interface GeneratedSupplier {
  supplier: Supplier;
  /** Short trading name used in contract titles and as the manufacturer name on items. */
  shortName: string;
  role: "manufacturer" | "distributor";
}

export function generateSuppliers(rng: Rng, count: number): GeneratedSupplier[] {
  const used = new Set<string>();
  const out: GeneratedSupplier[] = [];
  for (let i = 0; i < count; i++) {
    const role = rng.chance(0.15) ? "distributor" : "manufacturer";
    let shortName = "";
    for (let attempt = 0; attempt < 20 && (shortName === "" || used.has(shortName)); attempt++) {
      const suffix = rng.pick(role === "distributor" ? DISTRIBUTOR_SUFFIXES : MANUFACTURER_SUFFIXES);
      shortName = `${rng.pick(SUPPLIER_PREFIXES)} ${suffix}`;
    }
    // Name space is finite; a numbered fallback keeps names unique for large supplier counts.
    if (used.has(shortName)) shortName = `${shortName} ${i + 1}`;
    used.add(shortName);
    const loc = rng.pick(LOCATIONS);
    const status = rng.chance(0.93) ? "active" : rng.chance(0.5) ? "onboarding" : "inactive";
    out.push({
      shortName,
      role,
      supplier: {
        kind: "supplier",
        id: `sup-${String(i + 1).padStart(4, "0")}`,
        name: `${shortName} ${rng.pick(LEGAL_FORMS)}`,
        status,
        duns: String(rng.int(100_000_000, 999_999_999)),
        ...(rng.chance(0.7) ? { gln: withGs1CheckDigit(`030${rng.int(100_000_000, 999_999_999)}`) } : {}),
        paymentTermsNetDays: rng.pick([30, 30, 45, 60]),
        remitTo: {
          line1: `PO Box ${rng.int(1000, 99999)}`,
          city: loc.city,
          region: loc.region,
          postalCode: loc.postal,
          country: "US",
        },
      },
    });
  }
  return out;
}
