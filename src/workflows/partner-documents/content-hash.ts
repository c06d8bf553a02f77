import { createHash } from "node:crypto";
import { canonicalJson } from "../../audit/index.js";

/**
 * What identifies a document's content for idempotent intake: SHA-256 over its canonical JSON, so
 * key order does not change it. A record id seen again with the same hash is a duplicate; with
 * another hash, a conflict.
 */
export function contentHash(document: unknown): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}
