import type { OwnershipConfig } from "../../policy/index.js";

export interface ContractTarget {
  readonly system: string;
  /** Required targets must acknowledge a version before its prices are released to buyers. */
  readonly required: boolean;
  /** Targets that use their own ids need cross-references for every supplier, item and facility. */
  readonly usesLocalIds: boolean;
}

export interface ContractIntakeConfig {
  readonly targets: readonly ContractTarget[];
  readonly ownership: OwnershipConfig;
}
