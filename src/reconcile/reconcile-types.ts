/** What a reconciliation compares: master records, contract headers and contract price lines. */
export const RECONCILE_ENTITY_TYPES = ["supplier", "item", "contract", "contract-price"] as const;
export type ReconcileEntityType = (typeof RECONCILE_ENTITY_TYPES)[number];

/** The kinds of system Concord can read back, each with its own exports and native format. */
export const SYSTEM_KINDS = ["clm", "procurement", "erp"] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** One system to reconcile: where its exports are and whether Concord delivers contracts to it. */
export interface ReconcileSystem {
  readonly system: string;
  readonly kind: SystemKind;
  /** The system's API root, e.g. http://127.0.0.1:8183/procurement/api. */
  readonly baseUrl: string;
  /** A delivery target of contract versions (procurement, ERP); the CLM is their source, not a target. */
  readonly target: boolean;
}

export type FindingKind = "missing" | "extra" | "different" | "unreadable";

export interface FieldDiff {
  readonly field: string;
  readonly canonical: unknown;
  readonly system: unknown;
}

/** What healing did (or why it could not) for a finding's business key. */
export interface HealNote {
  readonly action: "resend-contract" | "resend-master" | "none";
  readonly reason?: string;
}

/** One line of the drift file. */
export interface DriftFinding {
  readonly system: string;
  readonly entityType: ReconcileEntityType;
  readonly kind: FindingKind;
  /** The record's key as compared: the system's local id, the contract number, or number/item/uom. */
  readonly key: string;
  readonly canonicalId?: string;
  /** The contract a contract or contract-price finding belongs to (the business key healing re-sends). */
  readonly contractId?: string;
  readonly fields?: readonly FieldDiff[];
  /** unreadable: which record and why; missing: e.g. no cross-reference. */
  readonly reason?: string;
  readonly code?: string;
  heal?: HealNote;
}

export interface ComparisonCounts {
  compared: number;
  agreeing: number;
  missing: number;
  extra: number;
  different: number;
  unreadable: number;
}

/** Per system and entity type; `error` when the export could not be read to the end. */
export interface ComparisonSummary extends ComparisonCounts {
  readonly system: string;
  readonly entityType: ReconcileEntityType;
  error?: string;
}

export const emptyCounts = (): ComparisonCounts => ({
  compared: 0,
  agreeing: 0,
  missing: 0,
  extra: 0,
  different: 0,
  unreadable: 0,
});

/** The share of compared records that agree, 1 when nothing was compared. */
export const agreeingShare = (c: ComparisonCounts): number => (c.compared === 0 ? 1 : c.agreeing / c.compared);
