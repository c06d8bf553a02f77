import type { FastifyInstance } from "fastify";
import type { ApiDeps } from "../api-deps.js";
import { dashboardFailureRoutes } from "./dashboard-failures.js";
import { dashboardProcessRoutes } from "./dashboard-processes.js";
import { dashboardStreamRoutes } from "./dashboard-stream.js";
import { dashboardTargetRoutes } from "./dashboard-targets.js";
import { dashboardViolationRoutes } from "./dashboard-violations.js";
import { outcomeRoutes } from "./outcomes.js";

/**
 * The API the operational dashboard reads (docs/dashboard.md); any client may read it the same
 * way. The other views use the operations API as it is (traces, consistency, replay, resolve).
 */
export async function dashboardRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await dashboardProcessRoutes(app, deps);
  await dashboardTargetRoutes(app, deps);
  await dashboardFailureRoutes(app, deps);
  await dashboardViolationRoutes(app, deps);
  await outcomeRoutes(app, deps);
  await dashboardStreamRoutes(app, deps);
}
