/**
 * Applied-revision bookkeeping shared by procurement and ERP: idempotency-key replay, stale
 * revision detection and the per-document apply history tests assert on.
 */
export interface LedgerEntry<Doc> {
  revision: number;
  idempotencyKey: string;
  receipt: string;
  appliedAt: string;
  doc: Doc;
}

export class RevisionLedger<Doc, Response> {
  readonly current = new Map<string, LedgerEntry<Doc>>();
  readonly history = new Map<string, LedgerEntry<Doc>[]>();
  private readonly responses = new Map<string, Response>();
  /** Requests answered from the idempotency store instead of being applied again. */
  duplicates = 0;
  applied = 0;

  /** The stored response for a key already applied (counted as a duplicate), else undefined. */
  replay(idempotencyKey: string): Response | undefined {
    const stored = this.responses.get(idempotencyKey);
    if (stored !== undefined) this.duplicates++;
    return stored;
  }

  currentRevision(ref: string): number {
    return this.current.get(ref)?.revision ?? 0;
  }

  /** Callers run check-then-apply without an await in between, so concurrent duplicates cannot both apply. */
  apply(ref: string, entry: LedgerEntry<Doc>, response: Response): void {
    this.current.set(ref, entry);
    this.history.set(ref, [...(this.history.get(ref) ?? []), entry]);
    this.responses.set(entry.idempotencyKey, response);
    this.applied++;
  }
}
