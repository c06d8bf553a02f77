import { randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { compareDecimal, type Requisition, RequisitionSchema } from "../../model/index.js";
import {
  type ApprovalKind,
  decideRequisitionApproval,
  listRequisitions,
  openApprovalTasks,
  type RequisitionDeps,
  type RequisitionStatus,
  requisitionView,
  submitRequisition,
} from "../../workflows/requisition-to-po/index.js";
import type { ApiDeps } from "../api-deps.js";
import { mayActFor } from "../auth/principal.js";
import { readSnapshot } from "../read-snapshot.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DecisionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  kind: Type.Union([Type.Literal("amount"), Type.Literal("clinical"), Type.Literal("off-contract")]),
});
const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal("approve"), Type.Literal("reject")]),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        [
          "blocked",
          "awaiting_approval",
          "approved",
          "rejected",
          "ordered",
          "confirmed",
          "confirmed_with_exceptions",
        ].map((s) => Type.Literal(s)),
      ),
    ),
    before: Type.Optional(
      Type.String({ format: "date-time", description: "Page on: submittedAt of the last one seen" }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
const TasksQuery = Type.Object(
  {
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: "A role, e.g. department-head" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

/**
 * Requisition to PO: procurement submits a requisition and gets the check's verdict per line at
 * once; approvers decide its tasks; every call is one transaction of the workflow
 * (src/workflows/requisition-to-po). Budgets are in budget-routes.ts.
 */
export async function requisitionRoutes(app: FastifyInstance, deps: ApiDeps, workflow: RequisitionDeps): Promise<void> {
  app.post<{ Body: Requisition }>(
    "/v1/requisitions",
    {
      schema: { body: RequisitionSchema, summary: "Submit a requisition: checked at once, then approved and ordered" },
      config: { scope: "orders:write" },
    },
    async (request, reply) => {
      if (!mayActFor(request.principal, "procurement"))
        throw Errors.AuthSystem(`client ${request.principal?.clientId ?? "(none)"} may not act for procurement`, {
          system: "procurement",
        });
      refuseInvalidLines(request.body);
      refuseWhenOverloaded(deps);
      const submitted = await submitRequisition(workflow, request.body, {
        requestedBy: request.principal?.clientId,
        correlationId: correlation(request.headers["x-correlation-id"]).correlationId ?? randomUUID(),
      });
      const view = await requisitionView(deps.store, submitted.id);
      const location = `/v1/requisitions/${encodeURIComponent(submitted.id)}`;
      return reply
        .code(submitted.created ? 201 : 200)
        .header("location", location)
        .send(view);
    },
  );

  app.get<{ Querystring: { status?: RequisitionStatus; before?: string; limit?: number } }>(
    "/v1/requisitions",
    {
      schema: { querystring: ListQuery, summary: "Requisitions, newest first: status, lines, POs, open exceptions" },
      config: { scope: "orders:read" },
    },
    async (request) => ({
      items: await listRequisitions(deps.store, {
        status: request.query.status,
        before: request.query.before,
        limit: request.query.limit ?? 100,
      }),
    }),
  );

  app.get<{ Params: { id: string } }>(
    "/v1/requisitions/:id",
    {
      schema: { params: Params, summary: "A requisition: verdict per line, approvals, POs, exceptions, history" },
      config: { scope: "orders:read" },
    },
    async (request) => {
      const view = await readSnapshot(deps.store, (tx) => requisitionView(tx, request.params.id));
      if (!view) throw Errors.NotFound(`no requisition ${request.params.id}`, { requisitionId: request.params.id });
      return view;
    },
  );

  app.post<{ Params: { id: string; kind: ApprovalKind }; Body: { decision: "approve" | "reject"; comment?: string } }>(
    "/v1/requisitions/:id/approvals/:kind",
    {
      schema: {
        params: DecisionParams,
        body: DecisionBody,
        summary: "Approve or reject one of a requisition's approval tasks",
      },
      config: { scope: "requisitions:approve" },
    },
    async (request) =>
      decideRequisitionApproval(workflow, {
        requisitionId: request.params.id,
        kind: request.params.kind,
        approver: request.principal?.clientId,
        decision: request.body.decision,
        comment: request.body.comment,
      }),
  );

  app.get<{ Querystring: { owner?: string; limit?: number } }>(
    "/v1/approval-tasks",
    {
      schema: { querystring: TasksQuery, summary: "Open requisition approval tasks, oldest due first" },
      config: { scope: "orders:read" },
    },
    async (request) => ({
      items: await openApprovalTasks(deps.store, request.query.owner, request.query.limit ?? 100),
    }),
  );
}

/** What the schema cannot say: a line orders something, and line ids name one line each. */
function refuseInvalidLines(req: Requisition): void {
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  req.lines.forEach((l, i) => {
    if (compareDecimal(l.quantity, "0") <= 0)
      issues.push({ path: `/lines/${i}/quantity`, message: "must be greater than 0" });
    if (seen.has(l.lineId))
      issues.push({ path: `/lines/${i}/lineId`, message: `${l.lineId} is used by an earlier line` });
    seen.add(l.lineId);
  });
  if (issues.length > 0)
    throw Errors.InputSchema(`body is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, { issues });
}
