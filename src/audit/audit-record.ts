import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** What the first record chains from: no record comes before it. */
export const GENESIS_HASH = "0".repeat(64);

/** One thing to record: who did what to which subject, with masked detail. */
export interface AuditEntry {
  /** The system (X-Concord-System), user or workflow that acted; "anonymous" when unknown. */
  readonly actor: string;
  /** A dotted verb, e.g. "api.call", "contract.version.accepted", "supplier.changed". */
  readonly action: string;
  readonly subjectType?: string | undefined;
  readonly subjectId?: string | undefined;
  /** Any plain JSON; sensitive keys are masked before it is stored or hashed. */
  readonly detail?: Readonly<Record<string, unknown>> | undefined;
}

/** A record as stored: its place in the chain, its content and the hashes that bind them. */
export interface AuditRecord {
  readonly seq: number;
  /** UTC, millisecond precision, ISO 8601 ("2026-05-01T12:00:00.123Z"): the form that is hashed. */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly detail: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * SHA-256 (hex) of the canonical JSON of every field but the hash itself. The seq is inside, so a
 * record moved to another place no longer matches; prevHash is inside, so each record vouches for
 * the one before it.
 *
 * @example hashAuditRecord({ seq: 1, at, actor, action, subjectType: null, subjectId: null, detail: {}, prevHash: GENESIS_HASH })
 */
export function hashAuditRecord(r: Omit<AuditRecord, "hash">): string {
  const content = canonicalJson({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    detail: r.detail,
    prevHash: r.prevHash,
  });
  return createHash("sha256").update(content, "utf8").digest("hex");
}
