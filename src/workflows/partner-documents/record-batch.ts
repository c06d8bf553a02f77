import { type ConcordError, Errors } from "../../errors/index.js";
import { type DocumentKind, type DocumentTypes, validateDocument } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { contentHash } from "./content-hash.js";

/** A record of a batch that is not taken: refused with its own problem, or already received. */
export type BatchRefusal =
  | { readonly index: number; readonly id: string; readonly status: "duplicate" }
  | { readonly index: number; readonly id: string | null; readonly status: "rejected"; readonly error: ConcordError };

/** Where a kind's intake keeps each record id with its content hash (migrations 0013, 0019). */
export interface IntakeTable {
  readonly table: "receipt_intake" | "payment_intake";
  readonly idColumn: "receipt_id" | "payment_id";
}

/**
 * A batch intake of canonical records (receipts, payments) from the system that owns them, in the
 * batch's transaction. Each record passes its checks on its own — its schema, a rule of its kind,
 * then what was received under its id before, in the store or earlier in the same batch: the same
 * content again is a duplicate (nothing stored twice), other content the kind's conflict — and a
 * refused record never stops the others. A record taken is kept as an inbound trade document, its
 * id and hash in the kind's intake table.
 */
export class RecordBatch<K extends DocumentKind> {
  private readonly seenHere = new Map<string, string>();

  constructor(
    private readonly tx: Queryable,
    private readonly kind: K,
    private readonly intake: IntakeTable,
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
    const [kept] = await this.tx.query<{ content_hash: string }>(
      `SELECT content_hash FROM ${this.intake.table} WHERE ${this.intake.idColumn} = $1`,
      [id],
    );
    const before = kept?.content_hash ?? this.seenHere.get(id);
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

  /** Keeps a record `check` took, sent by `system`: its trade document row id. */
  async keep(document: DocumentTypes[K], hash: string, system: string, correlationId: string): Promise<number> {
    const id = (document as { id: string }).id;
    const [doc] = await this.tx.query<{ id: number }>(
      `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved,
         inbound_system, correlation_id)
       VALUES ($1, $2, 'inbound', $3, 'canonical-json', $4, '[]', '[]', $2, $5) RETURNING id`,
      [this.kind, system, id, JSON.stringify(document), correlationId],
    );
    await this.tx.query(
      `INSERT INTO ${this.intake.table} (${this.intake.idColumn}, system, document_row_id, content_hash, correlation_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, system, doc!.id, hash, correlationId],
    );
    return doc!.id;
  }
}
