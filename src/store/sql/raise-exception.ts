import type { Queryable } from "../store.js";

export type Urgency = "clinical" | "financial" | "compliance" | "routine";

export interface NewException {
  /** Error code (CONCORD_ERR_…) the exception stems from. */
  readonly code: string;
  /** The business rule that was broken, e.g. "contract.item-mapped". */
  readonly rule: string;
  readonly urgency: Urgency;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly system?: string | undefined;
  /** A sentence a person can act on: what, where, why. */
  readonly message: string;
  readonly details?: Record<string, unknown>;
  readonly correlationId?: string | undefined;
}

export async function raiseException(tx: Queryable, e: NewException): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO exceptions (code, rule, urgency, subject_type, subject_id, system, message, details, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      e.code,
      e.rule,
      e.urgency,
      e.subjectType,
      e.subjectId,
      e.system ?? null,
      e.message,
      JSON.stringify(e.details ?? {}),
      e.correlationId ?? null,
    ],
  );
  return row!.id;
}
