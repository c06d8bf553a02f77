import type { Queryable } from "../store.js";

export interface NewViolation {
  readonly rule: string;
  readonly system: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly fieldGroups: readonly string[];
  readonly message: string;
  readonly correlationId?: string | undefined;
}

export async function recordViolation(q: Queryable, v: NewViolation): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO policy_violations (rule, system, entity_type, entity_id, field_groups, message, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.rule, v.system, v.entityType, v.entityId, JSON.stringify(v.fieldGroups), v.message, v.correlationId ?? null],
  );
  return row!.id;
}
