import type { FastifyInstance } from "fastify";
import { type FaultInjector, installFaults } from "../faults/index.js";
import { type AppOptions, createApp, sequence } from "../shared/app.js";
import { firstError } from "../shared/validate.js";
import { type AmendmentRequest, AmendmentSchema, applyAmendment } from "./amendment.js";
import { agreementEvent, withdrawalEvent } from "./event.js";
import { clmExportRoutes } from "./export-routes.js";
import type { ClmAgreement, ClmState } from "./types.js";
import { type WebhookOptions, WebhookSender } from "./webhook.js";

const PREFIX = "/clm/api";

export interface ClmServerOptions extends AppOptions {
  state: ClmState;
  /** Where agreement events go; may be set later with `sandbox.setHubUrl` once the hub has a port. */
  hubUrl?: string;
  webhook?: WebhookOptions;
  seed?: number;
  hangMs?: number;
}

export interface ClmHandle {
  readonly state: ClmState;
  /** Every amendment snapshot per agreement, oldest first. */
  readonly agreements: Map<string, ClmAgreement[]>;
  readonly webhooks: WebhookSender;
  readonly faults: FaultInjector;
  setHubUrl(url: string, apiKey?: string): void;
  latest(agreementNo: string): ClmAgreement | undefined;
}

export type ClmServer = FastifyInstance & { sandbox: ClmHandle };

export function createClmServer(opts: ClmServerOptions): ClmServer {
  const app = createApp(opts);
  const faults = installFaults(app, {
    prefix: "/clm",
    seed: opts.seed,
    hangMs: opts.hangMs,
    errorBody: (status, code, message) => ({ error: code.toLowerCase(), status, message }),
  });
  const agreements = new Map(opts.state.agreements.map((a) => [a.agreementNo, [structuredClone(a)]]));
  const items = new Set(opts.state.items.map((i) => i.itemCode));
  const sites = new Set(opts.state.sites.map((s) => s.siteCode));
  const webhooks = new WebhookSender(opts.hubUrl, opts.webhook);
  const nextEventId = sequence("clm-evt-");
  const latest = (no: string) => agreements.get(no)?.at(-1);
  const notFound = (no: string) => ({ error: "not_found", message: `agreement ${no} not found` });
  const publish = (a: ClmAgreement) => webhooks.enqueue(agreementEvent(a, nextEventId(), new Date().toISOString()));

  app.setErrorHandler((e: { statusCode?: number; message: string }, _req, reply) => {
    const status = e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
    return reply
      .code(status)
      .send({ error: status === 400 ? "invalid_request" : "internal_error", message: e.message });
  });
  app.addHook("onClose", async () => webhooks.close());

  app.get<{ Querystring: { offset?: string; limit?: string } }>(`${PREFIX}/agreements`, async (request, reply) => {
    const offset = Number(request.query.offset ?? 0);
    const limit = Number(request.query.limit ?? 50);
    if (!Number.isInteger(offset) || offset < 0)
      return reply
        .code(400)
        .send({ error: "invalid_request", field: "offset", message: "must be a non-negative integer" });
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return reply.code(400).send({ error: "invalid_request", field: "limit", message: "must be an integer 1..500" });
    const all = [...agreements.values()];
    return {
      total: all.length,
      offset,
      limit,
      agreements: all.slice(offset, offset + limit).map((h) => h.at(-1)!),
    };
  });

  app.get<{ Params: { no: string } }>(`${PREFIX}/agreements/:no`, async (request, reply) => {
    return latest(request.params.no) ?? reply.code(404).send(notFound(request.params.no));
  });

  app.get<{ Params: { no: string } }>(`${PREFIX}/agreements/:no/amendments`, async (request, reply) => {
    return agreements.get(request.params.no) ?? reply.code(404).send(notFound(request.params.no));
  });

  app.post<{ Params: { no: string } }>(
    `${PREFIX}/agreements/:no/amendments`,
    { preHandler: faults.gate },
    async (request, reply) => {
      const current = latest(request.params.no);
      if (!current) return reply.code(404).send(notFound(request.params.no));
      const invalid = firstError(AmendmentSchema, request.body);
      if (invalid) return reply.code(400).send({ error: "invalid_request", ...invalid });
      const result = applyAmendment(current, request.body as AmendmentRequest, {
        itemExists: (c) => items.has(c),
        siteExists: (c) => sites.has(c),
        rejected: (codes) => faults.rejected(codes),
      });
      if (!result.ok && result.status === 422)
        return reply.code(422).send({ error: "unknown_item", items: result.items });
      if (!result.ok)
        return reply.code(400).send({ error: "invalid_request", field: result.field, message: result.message });
      agreements.get(current.agreementNo)!.push(result.agreement);
      const delivery = publish(result.agreement);
      return reply.code(201).send({
        agreementNo: current.agreementNo,
        amendmentNo: result.agreement.amendmentNo,
        eventId: delivery.eventId,
      });
    },
  );

  // Re-announces the latest snapshot under a new event id (e.g. after the hub lost an event).
  app.post<{ Params: { no: string } }>(
    `${PREFIX}/agreements/:no/events/replay`,
    { preHandler: faults.gate },
    async (request, reply) => {
      const current = latest(request.params.no);
      if (!current) return reply.code(404).send(notFound(request.params.no));
      const delivery = publish(current);
      return reply.code(202).send({
        agreementNo: current.agreementNo,
        amendmentNo: current.amendmentNo,
        eventId: delivery.eventId,
      });
    },
  );

  /**
   * Withdraws the latest amendment: the CLM records the reversal as the next amendment number
   * carrying the terms before the withdrawn one (so later amendments keep counting up, as at the
   * hub), and announces it as `agreement.amendment.withdrawn` rather than as a new snapshot.
   */
  app.post<{ Params: { no: string; amendment: string }; Body: { reason?: unknown } }>(
    `${PREFIX}/agreements/:no/amendments/:amendment/withdraw`,
    { preHandler: faults.gate },
    async (request, reply) => {
      const history = agreements.get(request.params.no);
      if (!history) return reply.code(404).send(notFound(request.params.no));
      const reason = request.body?.reason;
      if (typeof reason !== "string" || reason.length === 0 || reason.length > 500)
        return reply.code(400).send({ error: "invalid_request", field: "reason", message: "1..500 characters" });
      const current = history.at(-1)!;
      const withdrawn = Number(request.params.amendment);
      if (withdrawn !== current.amendmentNo || history.length < 2)
        return reply.code(409).send({
          error: "not_withdrawable",
          message: `only the latest amendment (${current.amendmentNo}) can be withdrawn, and not the original`,
        });
      history.push({ ...structuredClone(history.at(-2)!), amendmentNo: withdrawn + 1 });
      const delivery = webhooks.enqueue(
        withdrawalEvent(current.agreementNo, withdrawn, reason, nextEventId(), new Date().toISOString()),
      );
      return reply.code(202).send({ agreementNo: current.agreementNo, withdrawn, eventId: delivery.eventId });
    },
  );

  app.get(`${PREFIX}/webhook-deliveries`, async () => webhooks.deliveries);

  app.get<{ Params: { code: string } }>(`${PREFIX}/items/:code`, async (request, reply) => {
    const item = opts.state.items.find((i) => i.itemCode === request.params.code);
    return item ?? reply.code(404).send({ error: "not_found", message: `item ${request.params.code} not found` });
  });

  app.get<{ Params: { code: string } }>(`${PREFIX}/vendors/:code`, async (request, reply) => {
    const v = opts.state.vendors.find((x) => x.vendorCode === request.params.code);
    return v ?? reply.code(404).send({ error: "not_found", message: `vendor ${request.params.code} not found` });
  });

  clmExportRoutes(app, PREFIX, { vendors: opts.state.vendors, items: opts.state.items, agreements });

  const handle: ClmHandle = {
    state: opts.state,
    agreements,
    webhooks,
    faults,
    setHubUrl: (url, apiKey) => webhooks.setHubUrl(url, apiKey),
    latest,
  };
  return Object.assign(app, { sandbox: handle });
}
