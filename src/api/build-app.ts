import Fastify, { type FastifyInstance } from "fastify";
import { auditApiCalls, auditRoutes } from "../audit/index.js";
import type { ApiDeps } from "./api-deps.js";
import { installProblemHandlers } from "./problem.js";
import { installRawJsonParser } from "./raw-json-body.js";
import { contractRoutes } from "./routes/contracts.js";
import { exportRoutes } from "./routes/exports.js";
import { fhirRoutes } from "./routes/fhir.js";
import { type HealthDeps, healthRoutes } from "./routes/health.js";
import { inboundRoutes } from "./routes/inbound.js";
import { masterDataRoutes } from "./routes/master-data.js";
import { operationsRoutes } from "./routes/operations.js";
import { partnerInboundRoutes } from "./routes/partner-inbound.js";
import { priceRoutes } from "./routes/prices.js";
import { targetRoutes } from "./routes/targets.js";
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
    logger: opts.logger ? { level: "info", redact: ["req.headers.authorization"] } : false,
    forceCloseConnections: true,
  });
  // Every API call goes to the hash-chained audit log (batched; /healthz excluded).
  const auditor = auditApiCalls(deps.store);
  app.addHook("onResponse", auditor.onResponse);
  app.addHook("onClose", () => auditor.drain());
  app.setValidatorCompiler(typeboxValidatorCompiler);
  installRawJsonParser(app, bodyLimit);
  installProblemHandlers(app);
  await app.register(async (scope) => {
    await healthRoutes(scope, deps);
    await inboundRoutes(scope, deps);
    await contractRoutes(scope, deps);
    await priceRoutes(scope, deps);
    await operationsRoutes(scope, deps);
    await masterDataRoutes(scope, deps);
    await exportRoutes(scope, deps);
    await auditRoutes(scope, { store: deps.store });
    await targetRoutes(scope, deps);
  });
  await app.register(async (scope) => partnerInboundRoutes(scope, deps));
  // Its own scope: FHIR clients get OperationOutcome, not problem+json.
  await app.register(fhirRoutes, { port: deps.fhir });
  return app;
}

/** A worker process's only HTTP surface: readiness for its supervisor (store and bus health). */
export async function buildHealthApp(deps: HealthDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  installProblemHandlers(app);
  await healthRoutes(app, deps);
  return app;
}
