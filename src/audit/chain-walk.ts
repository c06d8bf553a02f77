import { type AuditRecord, GENESIS_HASH, hashAuditRecord } from "./audit-record.js";

export type AuditProblemKind = "edited" | "removed" | "reordered" | "broken-link";

/** One thing wrong with the chain, at the first record it concerns. */
export interface AuditProblem {
  readonly seq: number;
  readonly kind: AuditProblemKind;
  readonly message: string;
}

/** The record a walk continues from: its seq, its stored hash (unknown if it is missing). */
export interface ChainLink {
  readonly seq: number;
  readonly hash: string | undefined;
}

// How far from its place a record is looked for when its hash fails (beside the hint its own
// prev_hash gives): swaps of neighbours and near neighbours are what a careless edit produces.
const NEARBY = 8;
// Recently seen hashes → seq, to find where a displaced record's prev_hash points. Bounded, so a
// walk over any length of log keeps flat memory.
const RECENT = 1024;

/**
 * Checks records one at a time, in seq order, against the record before each. Pure: the caller
 * reads the pages and feeds them in. A problem is reported once, at the record it starts at; a
 * record right after a flagged one is not blamed for the same break.
 */
export class ChainWalk {
  readonly problems: AuditProblem[] = [];
  omitted = 0;
  checked = 0;
  private prev: ChainLink & { flagged: boolean };
  private readonly recent = new Map<string, number>();

  constructor(
    start: ChainLink,
    private readonly anchors: ReadonlyMap<number, string>,
    private readonly maxProblems: number,
  ) {
    this.prev = { ...start, flagged: false };
  }

  /** The last record seen (or the start link): where the log currently ends for this walk. */
  get last(): ChainLink & { readonly flagged: boolean } {
    return this.prev;
  }

  visit(r: AuditRecord): void {
    this.checked++;
    const expectedSeq = this.prev.seq + 1;
    const gap = r.seq > expectedSeq;
    let flagged = false;
    if (gap) {
      const missing =
        r.seq - 1 === expectedSeq ? `record ${expectedSeq} is` : `records ${expectedSeq}–${r.seq - 1} are`;
      this.report(expectedSeq, "removed", `${missing} missing: the log jumps from seq ${this.prev.seq} to ${r.seq}`);
    }
    if (hashAuditRecord(r) !== r.hash) {
      flagged = true;
      const writtenAs = this.writtenAs(r);
      if (writtenAs !== undefined) {
        this.report(
          r.seq,
          "reordered",
          `the record at seq ${r.seq} was written as seq ${writtenAs}: records were moved`,
        );
      } else {
        this.report(r.seq, "edited", `the record at seq ${r.seq} does not match its hash: its content was changed`);
      }
    } else if (!gap && !this.prev.flagged && this.prev.hash !== undefined && r.prevHash !== this.prev.hash) {
      // Both records match their own hashes, yet they do not link: the earlier one was rewritten
      // and re-hashed (or this one's link was, with its hash recomputed).
      flagged = true;
      this.report(
        this.prev.seq,
        "broken-link",
        this.prev.seq === 0
          ? "the first record does not chain from the genesis value: it was rewritten and re-hashed"
          : `record ${r.seq} does not chain from record ${this.prev.seq}: record ${this.prev.seq} was rewritten and re-hashed`,
      );
    }
    const anchored = this.anchors.get(r.seq);
    if (anchored !== undefined && anchored !== r.hash) {
      flagged = true;
      this.report(
        r.seq,
        "broken-link",
        `record ${r.seq} does not have the anchored hash ${anchored}: the chain up to it was rewritten`,
      );
    }
    this.remember(r.hash, r.seq);
    this.prev = { seq: r.seq, hash: r.hash, flagged };
  }

  report(seq: number, kind: AuditProblemKind, message: string): void {
    if (this.problems.length < this.maxProblems) this.problems.push({ seq, kind, message });
    else this.omitted++;
  }

  /** The seq a record's hash was computed for, if it is not the one it sits at now. */
  private writtenAs(r: AuditRecord): number | undefined {
    const candidates = new Set<number>();
    if (r.prevHash === GENESIS_HASH) candidates.add(1);
    const before = this.recent.get(r.prevHash);
    if (before !== undefined) candidates.add(before + 1);
    for (let d = 1; d <= NEARBY; d++) candidates.add(r.seq + d).add(r.seq - d);
    candidates.delete(r.seq);
    for (const seq of candidates) if (seq >= 1 && hashAuditRecord({ ...r, seq }) === r.hash) return seq;
    return undefined;
  }

  private remember(hash: string, seq: number): void {
    this.recent.set(hash, seq);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }
}
