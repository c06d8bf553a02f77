import type { MasterDataSnapshot } from "../../src/model/index.js";
import { createRng, deriveSeed } from "../shared/prng.js";
import { generateContracts } from "./contracts.js";
import { generateItems } from "./items.js";
import { indexXrefs, toClmAgreement, toErpBlanketAgreement, toProcurementCatalog } from "./native-contracts.js";
import { buildDistributorXrefs, buildNativeMasters } from "./native-masters.js";
import { generateOrganization } from "./organization.js";
import { generateSuppliers } from "./suppliers.js";
import type { GenerateOptions, SandboxDataset } from "./types.js";

export * from "./native-contracts.js";
export type { GenerateOptions, SandboxDataset, SandboxSystem } from "./types.js";
export { SANDBOX_SYSTEMS } from "./types.js";

export const DEFAULT_SEED = 20260101;

/**
 * A whole health system (IDN, facilities, suppliers, items, contracts) in canonical form plus each
 * external system's native load. Deterministic: the same options always give a deep-equal result.
 */
export function generateHealthSystem(opts: GenerateOptions = {}): SandboxDataset {
  const seed = opts.seed ?? DEFAULT_SEED;
  // One stream per stage, so changing e.g. the item count does not reshuffle the facilities.
  const rng = (stage: string) => createRng(deriveSeed(seed, stage));
  const org = generateOrganization(rng("organization"), opts.facilities ?? 14);
  const suppliers = generateSuppliers(rng("suppliers"), opts.suppliers ?? 300);
  const items = generateItems(rng("items"), opts.items ?? 3000, suppliers);

  // ~1% of items exist in CLM and ERP but were never loaded into the procurement catalog.
  const gapRng = rng("gaps");
  const missingCount = items.length >= 20 ? Math.round(items.length / 100) : 0;
  const missing = new Set(gapRng.sample(items, missingCount).map((g) => g.item.id));

  const contracts = generateContracts(
    rng("contracts"),
    opts.contracts ?? 300,
    suppliers,
    items,
    org.facilities,
    (g) => !missing.has(g.item.id),
  );
  const masters = buildNativeMasters(rng("native-ids"), org, suppliers, items, missing);
  for (const c of contracts) {
    masters.xrefs.push(
      { system: "clm", entityType: "contract", localId: c.number, canonicalId: c.id },
      { system: "procurement", entityType: "contract", localId: c.number, canonicalId: c.id },
      { system: "erp", entityType: "contract", localId: c.number, canonicalId: c.id },
    );
  }
  // The EDI distributor: appended last, from its own stream, so every other output is unchanged.
  masters.xrefs.push(
    ...buildDistributorXrefs(rng("distributor-ids"), org, suppliers, items),
    ...contracts.map((c) => ({
      system: "distributor",
      entityType: "contract" as const,
      localId: c.number,
      canonicalId: c.id,
    })),
  );
  const xi = indexXrefs(masters.xrefs);
  const canonical: MasterDataSnapshot = {
    purchasingEntities: [org.purchasingEntity],
    facilities: org.facilities,
    costCenters: org.costCenters,
    suppliers: suppliers.map((s) => s.supplier),
    items: items.map((g) => g.item),
    contracts,
    xrefs: masters.xrefs,
  };
  const preload = opts.preloadTargets === true;
  return {
    canonical,
    clm: { ...masters.clm, agreements: contracts.map((c) => toClmAgreement(c, xi)) },
    procurement: {
      ...masters.procurement,
      contractCatalogs: preload ? contracts.map((c) => toProcurementCatalog(c, xi)) : [],
    },
    erp: {
      ...masters.erp,
      blanketAgreements: preload ? contracts.map((c) => toErpBlanketAgreement(c, xi)) : [],
    },
    gaps: { itemsMissingFromProcurement: [...missing].sort() },
  };
}
