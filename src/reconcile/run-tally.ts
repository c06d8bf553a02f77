import {
  type ComparisonCounts,
  type ComparisonSummary,
  type DriftFinding,
  emptyCounts,
  type ReconcileEntityType,
} from "./reconcile-types.js";

/** Counts per system and entity type, and the one way findings leave a comparison. */
export class RunTally {
  private readonly counts = new Map<string, ComparisonSummary>();
  /** Records compared so far, all systems and types: the progress figure. */
  rows = 0;

  constructor(
    private readonly sink: (f: DriftFinding) => Promise<void>,
    private readonly onRow: () => void,
  ) {}

  summary(system: string, entityType: ReconcileEntityType): ComparisonSummary {
    const key = `${system}\u0000${entityType}`;
    let s = this.counts.get(key);
    if (!s) {
      s = { system, entityType, ...emptyCounts() };
      this.counts.set(key, s);
    }
    return s;
  }

  agree(system: string, entityType: ReconcileEntityType): void {
    this.count(system, entityType, "agreeing");
  }

  async find(finding: DriftFinding): Promise<void> {
    this.count(finding.system, finding.entityType, finding.kind);
    await this.sink(finding);
  }

  fail(system: string, entityType: ReconcileEntityType, message: string): void {
    this.summary(system, entityType).error = message;
  }

  all(): ComparisonSummary[] {
    return [...this.counts.values()];
  }

  private count(system: string, entityType: ReconcileEntityType, what: keyof ComparisonCounts): void {
    const s = this.summary(system, entityType);
    s.compared++;
    s[what]++;
    this.rows++;
    this.onRow();
  }
}
