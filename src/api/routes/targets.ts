import type { FastifyInstance } from "fastify";
import { countBacklogByTarget } from "../../events/index.js";
import type { ApiDeps } from "../api-deps.js";

/**
 * Each target with its backlog and, when this process delivers, its circuit. Circuits are per
 * process: an api-only process has none (`circuit: null`); each worker judges targets alone.
 */
export async function targetRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get("/v1/targets", { config: { scope: "operations:read" } }, async () => {
    const backlog = new Map((await countBacklogByTarget(deps.store)).map((b) => [b.target, b]));
    const known = deps.targets?.() ?? [];
    const names = [...new Set([...known.map((t) => t.target), ...backlog.keys()])].sort();
    const circuits = new Map(known.map((t) => [t.target, t.circuit]));
    return {
      items: names.map((target) => {
        const c = circuits.get(target);
        const b = backlog.get(target);
        return {
          target,
          circuit: c
            ? {
                state: c.state,
                consecutiveFailures: c.consecutiveFailures,
                openedAt: c.openedAt?.toISOString() ?? null,
                nextProbeAt: c.nextProbeAt?.toISOString() ?? null,
              }
            : null,
          backlog: { pending: b?.pending ?? 0, inFlight: b?.inFlight ?? 0 },
        };
      }),
    };
  });
}
