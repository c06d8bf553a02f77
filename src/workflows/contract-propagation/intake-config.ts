import type { AuditEntry } from "../../audit/index.js";
import type { Contract } from "../../model/index.js";
import type { OwnershipConfig } from "../../policy/index.js";
import type { Queryable } from "../../store/index.js";

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
  /**
   * Runs in the intake transaction with the versions it accepted (the price activation plans them
   * here, so a version never exists without its activation plan). The audit entries it returns are
   * appended with the intake's own: one chain append per batch, last in the transaction.
   */
  readonly afterAccept?: (tx: Queryable, accepted: readonly AcceptedContract[]) => Promise<readonly AuditEntry[]>;
}

export interface AcceptedContract {
  readonly contract: Contract;
  /** The version it supersedes (undefined for a new contract). */
  readonly previous: Contract | undefined;
  readonly compensationOf?: { readonly version: number; readonly reason: string } | undefined;
  /** Released at acceptance (no required target): usable as soon as its day comes. */
  readonly released: boolean;
}
