import type { Contract } from "../../src/model/index.js";
import { generateHealthSystem } from "../generator/index.js";
import { indexXrefs, type XrefIndex } from "../generator/native-contracts.js";
import type { SandboxDataset } from "../generator/types.js";

/** A small health system: fast to generate, big enough to have gaps and multi-line contracts. */
export function smallDataset(seed = 42): { dataset: SandboxDataset; xrefs: XrefIndex; contract: Contract } {
  const dataset = generateHealthSystem({ seed, facilities: 6, suppliers: 20, items: 200, contracts: 8 });
  return { dataset, xrefs: indexXrefs(dataset.canonical.xrefs), contract: dataset.canonical.contracts[0]! };
}

/** Contract version n of `c` (a snapshot with one price bumped), for revision tests. */
export function nextVersion(c: Contract, version: number): Contract {
  const [first, ...rest] = c.priceLines;
  return { ...c, version, priceLines: [{ ...first!, unitPrice: `${version}00.00` }, ...rest] };
}
