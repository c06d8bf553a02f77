import Fastify, { type FastifyInstance } from "fastify";
import { auditApiCalls, auditRoutes } from "../audit/index.js";
import { fastifyLogOptions, type HubTelemetry, installHttpTelemetry, metricsRoute } from "../observability/index.js";
import { LOG_REDACT_PATHS } from "../security/log-redact-paths.js";
import type { ApiDeps } from "./api-deps.js";
import { installAuth } from "./auth/install-auth.js";
import { installThrottle } from "./auth/install-throttle.js";
import { tokenRoutes } from "./auth/token-routes.js";
import { installDeprecation } from "./governance/install-deprecation.js";
import { installIdempotency } from "./governance/install-idempotency.js";
import { installOpenApi, openApiRoutes } from "./openapi/index.js";
import { installProblemHandlers } from "./problem.js";
import { installRawJsonParser } from "./raw-json-body.js";
import { budgetRoutes } from "./routes/budget-routes.js";
import { consistencyRoutes } from "./routes/consistency.js";
import { contractRoutes } from "./routes/contracts.js";
import { dashboardRoutes } from "./routes/dashboard.js";
import { deadLetterRoutes } from "./routes/dead-letters.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/exports.js";
import { fhirRoutes } from "./routes/fhir.js";
import { type HealthDeps, healthRoutes } from "./routes/health.js";
import { inboundRoutes } from "./routes/inbound.js";
import { invoiceExceptionRoutes } from "./routes/invoice-exceptions.js";
import { masterDataRoutes } from "./routes/master-data.js";
import { operationsRoutes } from "./routes/operations.js";
import { partnerInboundRoutes } from "./routes/partner-inbound.js";
import { paymentRoutes } from "./routes/payments.js";
import { priceActivationRoutes } from "./routes/price-activations.js";
import { priceRoutes } from "./routes/prices.js";
import { purchaseOrderRoutes } from "./routes/purchase-orders.js";
import { receiptRoutes } from "./routes/receipts.js";
import { reconciliationRunRoutes } from "./routes/reconciliation-runs.js";
import { requisitionRoutes } from "./routes/requisitions.js";
import { supplierRoutes } from "./routes/suppliers.js";
import { targetRoutes } from "./routes/targets.js";
import { traceRoutes } from "./routes/trace.js";
import { typeboxValidatorCompiler } from "./typebox-validator.js";

export interface ApiOptions {
  /** Largest accepted body; a 20,000-line contract is about 4 MB of JSON. */
  readonly bodyLimitBytes?: number;
  readonly logger?: boolean;
}

/** The governed HTTP API. Routes stay thin: they validate, call a workflow or query, and answer. */
export async function buildApi(deps: ApiDeps, opts: ApiOptions = {}): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimitBytes ?? 8 * 1024 * 1024;
  const app = Fastify({
    bodyLimit,
    ...(deps.telemetry
      ? fastifyLogOptions(deps.telemetry.logger)
      : {
          logger: opts.logger ? { level: "info", redact: [...LOG_REDACT_PATHS] } : false,
        }),
    forceCloseConnections: true,
  });
  if (deps.telemetry) installHttpTelemetry(app, deps.telemetry);
  // Every API call goes to the hash-chained audit log (batched; /healthz excluded).
  const auditor = auditApiCalls(deps.store);
  app.addHook("onResponse", auditor.onResponse);
  app.addHook("onClose", () => auditor.drain());
  app.setValidatorCompiler(typeboxValidatorCompiler);
  installRawJsonParser(app, bodyLimit);
  installProblemHandlers(app);
  // Before anything registers a route (governance too): the document sees routes added after it.
  await installOpenApi(app);
  // Governance before any route: every route must declare its scope (or be public), callers are
  // authenticated and authorized, throttled per client, and changes are idempotent by key.
  installAuth(app, deps.auth, deps.tokens);
  await installThrottle(app, deps.auth, deps.throttle);
  installIdempotency(app, deps.store);
  installDeprecation(app, deps.store);
  await openApiRoutes(app);
  await app.register(async (scope) => tokenRoutes(scope, deps.auth, deps.tokens));
  await app.register(async (scope) => {
    await healthRoutes(scope, deps);
    if (deps.telemetry) await metricsRoute(scope, deps.telemetry.metrics);
    await inboundRoutes(scope, deps);
    await contractRoutes(scope, deps);
    await priceRoutes(scope, deps);
    await priceActivationRoutes(scope, deps);
    await operationsRoutes(scope, deps);
    await deadLetterRoutes(scope, deps);
    await eventRoutes(scope, deps);
    await traceRoutes(scope, deps);
    await invoiceExceptionRoutes(scope, deps);
    await receiptRoutes(scope, deps);
    await paymentRoutes(scope, deps);
    await purchaseOrderRoutes(scope, deps);
    if (deps.requisitions) await requisitionRoutes(scope, deps, deps.requisitions);
    await budgetRoutes(scope, deps);
    await masterDataRoutes(scope, deps);
    await supplierRoutes(scope, deps);
    await exportRoutes(scope, deps);
    await auditRoutes(scope, { store: deps.store });
    await targetRoutes(scope, deps);
    await consistencyRoutes(scope, deps);
    await dashboardRoutes(scope, deps);
    await reconciliationRunRoutes(scope, deps);
  });
  await app.register(async (scope) => partnerInboundRoutes(scope, deps));
  // Its own scope: FHIR clients get OperationOutcome, not problem+json.
  await app.register(fhirRoutes, { port: deps.fhir });
  return app;
}

/** A worker process's only HTTP surface: readiness for its supervisor (store and bus health), and its metrics. */
export async function buildHealthApp(
  deps: HealthDeps & Partial<Pick<ApiDeps, "auth" | "tokens">>,
  telemetry?: HubTelemetry,
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(telemetry ? fastifyLogOptions(telemetry.logger) : { logger: false }),
    forceCloseConnections: true,
  });
  if (telemetry) installHttpTelemetry(app, telemetry);
  installProblemHandlers(app);
  // The same gate as the API: /healthz is public, /metrics needs metrics:read.
  if (deps.auth && deps.tokens) installAuth(app, deps.auth, deps.tokens);
  await healthRoutes(app, deps);
  if (telemetry) await metricsRoute(app, telemetry.metrics);
  return app;
}
