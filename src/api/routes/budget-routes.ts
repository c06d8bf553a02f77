import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { Currency, NonNegativeDecimal } from "../../model/index.js";
import { readBudget, setBudget, trimScale } from "../../workflows/requisition-to-po/index.js";
import type { ApiDeps } from "../api-deps.js";

const Params = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
const BudgetBody = Type.Object(
  { amount: NonNegativeDecimal, currency: Type.Optional(Currency) },
  { additionalProperties: false },
);

const shown = (b: {
  costCenterId: string;
  fiscalYear: number;
  amount: string;
  committed: string;
  currency: string;
}) => ({
  ...b,
  amount: trimScale(b.amount),
  committed: trimScale(b.committed),
});

/** Cost center budgets per fiscal year: finance sets them, purchase orders commit against them. */
export async function budgetRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.put<{ Params: { id: string; fiscalYear: number }; Body: { amount: string; currency?: string } }>(
    "/v1/cost-centers/:id/budgets/:fiscalYear",
    {
      schema: { params: Params, body: BudgetBody, summary: "Set a cost center's budget for a fiscal year" },
      config: { scope: "budgets:write" },
    },
    async (request) =>
      shown(
        await deps.store.transaction((tx) =>
          setBudget(tx, {
            costCenterId: request.params.id,
            fiscalYear: request.params.fiscalYear,
            amount: request.body.amount,
            currency: request.body.currency ?? "USD",
          }),
        ),
      ),
  );

  app.get<{ Params: { id: string; fiscalYear: number } }>(
    "/v1/cost-centers/:id/budgets/:fiscalYear",
    {
      schema: { params: Params, summary: "A cost center's budget for a fiscal year and what POs committed" },
      config: { scope: "orders:read" },
    },
    async (request) => {
      const b = await deps.store.transaction((tx) => readBudget(tx, request.params.id, request.params.fiscalYear));
      if (!b) throw Errors.NotFound(`no FY${request.params.fiscalYear} budget for cost center ${request.params.id}`);
      return shown(b);
    },
  );
}
