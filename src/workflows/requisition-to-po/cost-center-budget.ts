import type { Queryable } from "../../store/index.js";

/** The fiscal year a day falls in, named after the calendar year it ends in (FY2027 starts July 2026 when it starts in July). */
export function fiscalYearOf(day: string, startMonth: number): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return startMonth === 1 || month < startMonth ? year : year + 1;
}

export interface BudgetRow {
  readonly costCenterId: string;
  readonly fiscalYear: number;
  readonly amount: string;
  readonly committed: string;
  readonly currency: string;
}

/**
 * A cost center's budget for a fiscal year, created on first use from the master data's annual
 * budget (the cost center as the ERP sent it) when finance has not set one. `lock` takes the row
 * lock the PO issue step commits under, so two POs never spend the same remainder.
 */
export async function readBudget(
  tx: Queryable,
  costCenterId: string,
  fiscalYear: number,
  lock = false,
): Promise<BudgetRow | undefined> {
  await tx.query(
    `INSERT INTO cost_center_budgets (cost_center_id, fiscal_year, amount)
     SELECT id, $2, (body ->> 'annualBudget')::numeric FROM canonical_records
     WHERE entity_type = 'cost-center' AND id = $1 AND body ->> 'annualBudget' IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [costCenterId, fiscalYear],
  );
  const [row] = await tx.query<BudgetRow & Record<string, unknown>>(
    `SELECT cost_center_id AS "costCenterId", fiscal_year AS "fiscalYear", amount::text AS amount,
       committed::text AS committed, currency
     FROM cost_center_budgets WHERE cost_center_id = $1 AND fiscal_year = $2${lock ? " FOR UPDATE" : ""}`,
    [costCenterId, fiscalYear],
  );
  return row;
}

/** Sets (or replaces) a budget's amount; what POs committed stays. */
export async function setBudget(
  tx: Queryable,
  b: { costCenterId: string; fiscalYear: number; amount: string; currency: string },
): Promise<BudgetRow> {
  const [row] = await tx.query<BudgetRow & Record<string, unknown>>(
    `INSERT INTO cost_center_budgets (cost_center_id, fiscal_year, amount, currency) VALUES ($1, $2, $3, $4)
     ON CONFLICT (cost_center_id, fiscal_year) DO UPDATE SET amount = EXCLUDED.amount, currency = EXCLUDED.currency,
       updated_at = now()
     RETURNING cost_center_id AS "costCenterId", fiscal_year AS "fiscalYear", amount::text AS amount,
       committed::text AS committed, currency`,
    [b.costCenterId, b.fiscalYear, b.amount, b.currency],
  );
  return row!;
}
