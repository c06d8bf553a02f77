import type { CostCenter, Facility, PurchasingEntity } from "../../src/model/index.js";
import { formatScaled, SCALE } from "../shared/decimal.js";
import { withGs1CheckDigit } from "../shared/gs1.js";
import type { Rng } from "../shared/prng.js";
import { COST_CENTERS, LOCATIONS, STREETS } from "./catalog-data.js";

type FacilityType = Facility["type"];

/** Facility mix for n sites: default 14 = 4 hospitals, 8 clinics, 1 ASC, 1 distribution center. */
export function facilityMix(n: number): FacilityType[] {
  const types: FacilityType[] = ["hospital"];
  if (n >= 3) types.push("distribution-center");
  if (n >= 4) types.push("ambulatory-surgery");
  const hospitals = Math.max(1, Math.round((n * 4) / 14));
  while (types.length < n) types.push(types.filter((t) => t === "hospital").length < hospitals ? "hospital" : "clinic");
  return types.slice(0, n).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
const ORDER: FacilityType[] = ["hospital", "clinic", "ambulatory-surgery", "distribution-center"];

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

export interface Organization {
  purchasingEntity: PurchasingEntity;
  facilities: Facility[];
  costCenters: CostCenter[];
}

export function generateOrganization(rng: Rng, count: number): Organization {
  const purchasingEntity: PurchasingEntity = {
    kind: "purchasing-entity",
    id: "pe-1",
    name: "Concord Health System",
    gpo: "Heartland Purchasing Alliance",
  };
  // One GS1 company prefix for the whole IDN, as a real health system would license.
  const glnPrefix = `0${rng.int(100000, 999999)}`;
  const facilities: Facility[] = facilityMix(count).map((type, i) => {
    const loc = LOCATIONS[i % LOCATIONS.length]!;
    const n = i + 1;
    const name = facilityName(type, loc.city, n);
    return {
      kind: "facility",
      id: `fac-${pad(n, 2)}`,
      name,
      type,
      gln: withGs1CheckDigit(`${glnPrefix}${pad(n, 5)}`),
      hin: Array.from({ length: 7 }, () => rng.pick([...ALNUM])).join("") + pad(i % 100, 2),
      timeZone: loc.tz,
      purchasingEntityId: purchasingEntity.id,
      address: {
        line1: `${rng.int(100, 9899)} ${rng.pick(STREETS)}`,
        city: loc.city,
        region: loc.region,
        postalCode: loc.postal,
        country: "US",
      },
    };
  });
  const costCenters = facilities.flatMap((f, fi) =>
    pickCostCenters(rng, f.type).map(
      ([code, label], ci): CostCenter => ({
        kind: "cost-center",
        id: `cc-${pad(fi + 1, 2)}-${pad(ci + 1, 2)}`,
        code,
        name: `${label} - ${f.name}`.slice(0, 200),
        facilityId: f.id,
        annualBudget: formatScaled(rng.int(50, 4000) * 5_000 * SCALE),
      }),
    ),
  );
  return { purchasingEntity, facilities, costCenters };
}

function facilityName(type: FacilityType, city: string, n: number): string {
  switch (type) {
    case "hospital":
      return `Concord Health ${city} Medical Center`;
    case "clinic":
      return `Concord Health ${city} Primary Care Clinic ${n}`;
    case "ambulatory-surgery":
      return `Concord Health Surgery Center - ${city}`;
    default:
      return `Concord Health Consolidated Service Center - ${city}`;
  }
}

/** Hospitals run every department; clinics and the DC a handful, like real charts of accounts. */
function pickCostCenters(rng: Rng, type: FacilityType): (readonly [string, string])[] {
  if (type === "hospital") return rng.sample(COST_CENTERS, rng.int(5, 8)).sort();
  if (type === "distribution-center") return [COST_CENTERS[6]!];
  return rng.sample(COST_CENTERS.slice(0, 5), rng.int(2, 3)).sort();
}
