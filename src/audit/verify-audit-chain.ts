import { Errors } from "../errors/index.js";
import type { Queryable } from "../store/index.js";
import { GENESIS_HASH } from "./audit-record.js";
import { type AuditProblem, type ChainLink, ChainWalk } from "./chain-walk.js";
import { type ChainTip, readAuditPage, readAuditRecord, readChainTip } from "./sql/read-audit.js";

export interface VerifyAuditOptions {
  /** Start here instead of at 1; the record before it is trusted as the link (default 1). */
  readonly fromSeq?: number;
  /** Records read per query (default 500). Memory stays flat whatever the log's length. */
  readonly batchSize?: number;
  /** Hashes recorded outside the database (seq → hash): the only defence against a rewritten chain. */
  readonly anchors?: readonly ChainTip[];
  /** Problems listed at most (default 100); the rest are counted in problemsOmitted. */
  readonly maxProblems?: number;
}

export interface CompiledVerifyAuditOptions {
  readonly fromSeq: number;
  readonly batchSize: number;
  readonly anchors: ReadonlyMap<number, string>;
  readonly maxProblems: number;
}

export interface AuditVerification {
  /** True when no problem was found. */
  readonly ok: boolean;
  /** Records whose hash was recomputed. */
  readonly checked: number;
  /** In seq order, the first bad record first. */
  readonly problems: readonly AuditProblem[];
  readonly problemsOmitted: number;
  /** The chain tip as appenders left it: record it outside the database to anchor later runs. */
  readonly tip: ChainTip | null;
}

// Appends racing the walk can move the tip while it is read; a busy hub settles within a few rounds.
const MAX_TIP_ROUNDS = 10;

export function compileVerifyAuditOptions(o: VerifyAuditOptions = {}): CompiledVerifyAuditOptions {
  const fromSeq = o.fromSeq ?? 1;
  const batchSize = o.batchSize ?? 500;
  const maxProblems = o.maxProblems ?? 100;
  if (!Number.isSafeInteger(fromSeq) || fromSeq < 1)
    throw Errors.InputQuery(`fromSeq must be a whole number ≥ 1, not ${fromSeq}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw Errors.InputQuery(`batchSize must be a whole number from 1 to 10000, not ${batchSize}`);
  }
  if (!Number.isSafeInteger(maxProblems) || maxProblems < 1) {
    throw Errors.InputQuery(`maxProblems must be a whole number ≥ 1, not ${maxProblems}`);
  }
  for (const a of o.anchors ?? []) {
    if (!Number.isSafeInteger(a.seq) || a.seq < 0 || !/^[0-9a-f]{64}$/.test(a.hash)) {
      throw Errors.InputQuery(`an anchor is a seq ≥ 0 and a 64-digit lower-case hex SHA-256, not ${a.seq}:${a.hash}`);
    }
  }
  return { fromSeq, batchSize, maxProblems, anchors: new Map((o.anchors ?? []).map((a) => [a.seq, a.hash])) };
}

/**
 * Walks the audit log in seq order a page at a time, recomputing every hash and link, and compares
 * its end with the chain tip (a truncated tail) and with any external anchors. Runs outside a
 * transaction, so on the embedded store the hub keeps serving between pages.
 *
 * @example const { ok, problems } = await verifyAuditChain(store); // problems[0]: { seq: 42, kind: "edited", … }
 */
export async function verifyAuditChain(q: Queryable, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const o = compileVerifyAuditOptions(options);
  const walk = new ChainWalk(await linkBefore(q, o.fromSeq), o.anchors, o.maxProblems);
  const readOn = async () => {
    for (;;) {
      const page = await readAuditPage(q, walk.last.seq, o.batchSize);
      for (const r of page) walk.visit(r);
      if (page.length < o.batchSize) return;
    }
  };
  let tip = await readChainTip(q);
  await readOn();
  if (!tip) {
    walk.report(0, "removed", "the chain tip (table audit_chain_tip) has no row: it was deleted");
  } else {
    tip = await compareWithTip(q, walk, tip, readOn);
  }
  // A tail cut off together with a rewound tip leaves no trace inside the database; an anchor past
  // the log's end still shows it.
  const beyond = [...o.anchors.keys()].filter((seq) => seq > walk.last.seq);
  if (beyond.length > 0) {
    const seq = Math.max(...beyond);
    walk.report(walk.last.seq + 1, "removed", `the log ends at seq ${walk.last.seq}, yet record ${seq} was anchored`);
  }
  return {
    ok: walk.problems.length === 0 && walk.omitted === 0,
    checked: walk.checked,
    problems: [...walk.problems].sort((a, b) => a.seq - b.seq),
    problemsOmitted: walk.omitted,
    tip: tip ?? null,
  };
}

/**
 * The tip is committed with the records it names, so records up to a tip read earlier are
 * visible now: the log ending before the tip means a removed tail; ending after a tip that
 * does not move means records written around appendAudit.
 */
async function compareWithTip(
  q: Queryable,
  walk: ChainWalk,
  first: ChainTip,
  readOn: () => Promise<void>,
): Promise<ChainTip> {
  let tip = first;
  for (let round = 0; round < MAX_TIP_ROUNDS; round++) {
    const end = walk.last;
    if (end.seq === tip.seq) {
      if (end.hash !== undefined && end.hash !== tip.hash && !end.flagged) {
        walk.report(
          end.seq,
          "broken-link",
          `record ${end.seq}'s hash is not the one the chain tip recorded when it was appended: the chain was rewritten up to here (compare with an external anchor or a backup to find where it starts)`,
        );
      }
      return tip;
    }
    if (end.seq < tip.seq) {
      await readOn();
      if (walk.last.seq === end.seq) {
        const missing = tip.seq === end.seq + 1 ? `record ${tip.seq} is` : `records ${end.seq + 1}–${tip.seq} are`;
        walk.report(end.seq + 1, "removed", `${missing} missing: the chain tip says the log ends at seq ${tip.seq}`);
        return tip;
      }
      continue;
    }
    const again = await readChainTip(q);
    if (again && again.seq === tip.seq) {
      walk.report(
        tip.seq + 1,
        "broken-link",
        `records ${tip.seq + 1}–${end.seq} lie beyond the chain tip (seq ${tip.seq}): they were not appended through the chain`,
      );
      const atTip = await readAuditRecord(q, tip.seq);
      if (atTip && atTip.hash !== tip.hash) {
        walk.report(tip.seq, "broken-link", `record ${tip.seq}'s hash is not the one the chain tip recorded`);
      }
      return tip;
    }
    if (!again) return tip;
    tip = again;
    await readOn();
  }
  return tip;
}

/** The record before fromSeq, trusted as the first link; the genesis value when starting at 1. */
async function linkBefore(q: Queryable, fromSeq: number): Promise<ChainLink> {
  if (fromSeq === 1) return { seq: 0, hash: GENESIS_HASH };
  const before = await readAuditRecord(q, fromSeq - 1);
  return { seq: fromSeq - 1, hash: before?.hash };
}
