import { type DocumentKind, type DocumentTypes, validateDocument } from "../../../model/validate-document.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { EncodeContext } from "./encode-context.js";
import type { DecodeContext } from "./mapping-context.js";

/** The set's segments between ST and SE. */
export function bodyOf(set: TransactionSet): readonly Segment[] {
  return set.segments.slice(1, set.trailer ? -1 : undefined);
}

/** Schema check of a decoded draft; a failure is a mapping error listing the canonical paths. */
export function decoded<K extends DocumentKind>(ctx: DecodeContext, kind: K, draft: unknown): DocumentTypes[K] {
  const result = validateDocument(kind, draft);
  if (result.ok) return result.value;
  const list = result.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  return ctx.fail(undefined, `the mapped ${kind} breaks the canonical schema (${list.join("; ")})`);
}

/** Schema check before encoding: never write a document the canonical model would refuse. */
export function checkedForEncode<K extends DocumentKind>(ctx: EncodeContext, kind: K, doc: unknown): DocumentTypes[K] {
  const result = validateDocument(kind, doc);
  if (result.ok) return result.value;
  const first = result.issues[0]!;
  return ctx.fail(first.path || "/", `${first.message} (${result.issues.length} schema issue(s))`);
}
