import type { Store } from "../store/index.js";
import type { ComparisonSummary, DriftFinding, ReconcileSystem } from "./reconcile-types.js";

/** Findings are written this many per statement. */
const WRITE_BATCH = 200;

/**
 * Persists a run: its row, its findings up to `cap` per system and entity type (enough to drill
 * into; the drift file has them all), and at the end its summaries.
 */
export class RunStore {
  private pending: DriftFinding[] = [];
  private readonly kept = new Map<string, number>();
  private seq = 0;
  findings = 0;

  private constructor(
    private readonly store: Store,
    readonly runId: number,
    private readonly cap: number,
  ) {}

  static async start(store: Store, systems: readonly ReconcileSystem[], heal: boolean, cap: number): Promise<RunStore> {
    const [row] = await store.query<{ id: number }>(
      "INSERT INTO reconciliation_runs (status, heal, systems) VALUES ('running', $1, $2::json) RETURNING id",
      [heal, JSON.stringify(systems.map((s) => ({ system: s.system, kind: s.kind, target: s.target })))],
    );
    return new RunStore(store, row!.id, cap);
  }

  /**
   * Continues a run a worker claimed (requested by the API or the schedule). A run taken over
   * from a worker that died starts again from nothing: its partial findings are dropped first.
   */
  static async adopt(store: Store, runId: number, systems: readonly ReconcileSystem[], cap: number): Promise<RunStore> {
    await store.transaction(async (tx) => {
      await tx.query("DELETE FROM reconciliation_findings WHERE run_id = $1", [runId]);
      await tx.query("DELETE FROM reconciliation_summaries WHERE run_id = $1", [runId]);
      await tx.query("UPDATE reconciliation_runs SET systems = $2::json WHERE id = $1", [
        runId,
        JSON.stringify(systems.map((s) => ({ system: s.system, kind: s.kind, target: s.target }))),
      ]);
    });
    return new RunStore(store, runId, cap);
  }

  async add(f: DriftFinding): Promise<void> {
    this.findings++;
    const key = `${f.system}\u0000${f.entityType}`;
    const n = this.kept.get(key) ?? 0;
    if (n >= this.cap) return;
    this.kept.set(key, n + 1);
    this.pending.push(f);
    if (this.pending.length >= WRITE_BATCH) await this.flush();
  }

  async finish(
    summaries: readonly ComparisonSummary[],
    outcome: { status: "completed" | "failed"; repairEvents: number; error?: string },
  ): Promise<void> {
    await this.flush();
    await this.store.transaction(async (tx) => {
      if (summaries.length > 0) {
        await tx.query(
          `INSERT INTO reconciliation_summaries (run_id, system, entity_type, compared, agreeing, missing, extra, different, unreadable, error)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::text[])`,
          [
            this.runId,
            summaries.map((s) => s.system),
            summaries.map((s) => s.entityType),
            summaries.map((s) => s.compared),
            summaries.map((s) => s.agreeing),
            summaries.map((s) => s.missing),
            summaries.map((s) => s.extra),
            summaries.map((s) => s.different),
            summaries.map((s) => s.unreadable),
            summaries.map((s) => s.error ?? null),
          ],
        );
      }
      await tx.query(
        `UPDATE reconciliation_runs SET status = $2, finished_at = now(), findings = $3, findings_kept = $4,
           repair_events = $5, error = $6, lease_until = NULL WHERE id = $1`,
        [this.runId, outcome.status, this.findings, this.seq, outcome.repairEvents, outcome.error ?? null],
      );
    });
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const first = this.seq + 1;
    this.seq += batch.length;
    await this.store.query(
      `INSERT INTO reconciliation_findings (run_id, seq, system, entity_type, kind, record_key, canonical_id, finding)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::json[])`,
      [
        this.runId,
        batch.map((_, i) => first + i),
        batch.map((f) => f.system),
        batch.map((f) => f.entityType),
        batch.map((f) => f.kind),
        batch.map((f) => f.key),
        batch.map((f) => f.canonicalId ?? null),
        batch.map((f) => JSON.stringify(f)),
      ],
    );
  }
}
