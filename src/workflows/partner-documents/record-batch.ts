import { type ConcordError, Errors } from "../../errors/index.js";
import { type DocumentKind, type DocumentTypes, validateDocument } from "../../model/index.js";
import { contentHash } from "./content-hash.js";

/** A record of a batch that is not taken: refused with its own problem, or already received. */
export type BatchRefusal =
  | { readonly index: number; readonly id: string; readonly status: "duplicate" }
  | { readonly index: number; readonly id: string | null; readonly status: "rejected"; readonly error: ConcordError };

/**
 * The checks every record of a batch intake (receipts, payments) passes on its own, in the batch's
 * transaction: its schema, a rule of its kind, then what was received under its id before — in the
 * store or earlier in the same batch. The same content again is a duplicate (nothing stored twice);
 * other content under the same id is the kind's conflict. A refused record never stops the others.
 */
export class RecordBatch<K extends DocumentKind> {
  private readonly seenHere = new Map<string, string>();

  constructor(
    private readonly kind: K,
    /** The content hash kept for `id` by an earlier batch, if any. */
    private readonly keptHash: (id: string) => Promise<string | undefined>,
    private readonly conflict: (index: number, id: string) => ConcordError,
  ) {}

  /** The record to take, with its content hash; or why not. */
  async check(
    index: number,
    record: unknown,
    rule?: (document: DocumentTypes[K]) => ConcordError | undefined,
  ): Promise<{ readonly take: DocumentTypes[K]; readonly hash: string } | { readonly refusal: BatchRefusal }> {
    const checked = validateDocument(this.kind, record);
    if (!checked.ok) {
      const id = typeof (record as { id?: unknown })?.id === "string" ? (record as { id: string }).id : null;
      const issues = checked.issues.slice(0, 20);
      const error = Errors.InputSchema(
        `${this.kind} ${index}${id ? ` (${id})` : ""} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
        { index, issues },
      );
      return { refusal: { index, id, status: "rejected", error } };
    }
    const document = checked.value;
    const id = (document as { id: string }).id;
    const broken = rule?.(document);
    if (broken) return { refusal: { index, id, status: "rejected", error: broken } };
    const hash = contentHash(document);
    const before = (await this.keptHash(id)) ?? this.seenHere.get(id);
    if (before !== undefined) {
      return {
        refusal:
          before === hash
            ? { index, id, status: "duplicate" }
            : { index, id, status: "rejected", error: this.conflict(index, id) },
      };
    }
    this.seenHere.set(id, hash);
    return { take: document, hash };
  }
}
