import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { Id } from "../../model/index.js";
import {
  decideActivation,
  fiscalPeriods,
  fiscalYearOf,
  localDay,
  readActivation,
} from "../../workflows/price-activation/index.js";
import { systemClock } from "../../workflows/timers/index.js";
import type { ApiDeps } from "../api-deps.js";

const VersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1 }) });
const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal("keep-old-price"), Type.Literal("activate-anyway")]),
    decidedBy: Type.String({ minLength: 1, maxLength: 100 }),
    reason: Type.String({ minLength: 5, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const PeriodsQuery = Type.Object(
  { fiscalYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })) },
  { additionalProperties: false },
);

/** Contract price activation: per-facility activations, deadline decisions, the fiscal calendar. */
export async function priceActivationRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const activation = () => {
    if (!deps.priceActivation) throw Errors.NotFound("price activation is not configured in this process");
    return deps.priceActivation;
  };

  app.get<{ Params: { id: string; version: number } }>(
    "/v1/contracts/:id/versions/:version/activations",
    {
      schema: { params: VersionParams, summary: "When a contract version's prices become usable at each facility" },
      config: { scope: "contracts:read" },
    },
    async (request) => {
      const { id, version } = request.params;
      const view = await readActivation(deps.store, id, version);
      if (!view) throw Errors.NotFound(`contract ${id} version ${version} has no price activation`);
      return view;
    },
  );

  /**
   * A person's answer to a missed activation deadline: keep the old price (wait for every
   * acknowledgment) or activate anyway (the approved fallback release). Audited with its reason.
   */
  app.post<{
    Params: { id: string; version: number };
    Body: { decision: "keep-old-price" | "activate-anyway"; decidedBy: string; reason: string };
  }>(
    "/v1/contracts/:id/versions/:version/activation-decision",
    {
      schema: { params: VersionParams, body: DecisionBody, summary: "Decide a price activation whose deadline passed" },
      config: { scope: "operations:write" },
    },
    async (request) => {
      const { id, version } = request.params;
      const { clock } = activation();
      const result = await deps.store.transaction((tx) => decideActivation(tx, id, version, request.body, clock.now()));
      return { contractId: id, version, decision: request.body.decision, ...result };
    },
  );

  app.get<{ Querystring: { fiscalYear?: number } }>(
    "/v1/fiscal-calendar/periods",
    {
      schema: { querystring: PeriodsQuery, summary: "The health system's fiscal periods of a fiscal year" },
      config: { scope: "contracts:read" },
    },
    async (request) => {
      const { options, clock } = activation();
      const cal = options.fiscalCalendar;
      const fiscalYear =
        request.query.fiscalYear ?? fiscalYearOf(cal, localDay((clock ?? systemClock).now(), options.defaultTimeZone));
      return {
        calendar: { ...cal, alignActivations: options.alignToFiscalPeriod },
        fiscalYear,
        periods: fiscalPeriods(cal, fiscalYear),
      };
    },
  );
}
