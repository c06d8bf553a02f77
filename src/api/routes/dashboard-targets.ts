import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { windowEndingNow } from "../../store/queries/process-health/index.js";
import { readTargetHealth, type TargetHealthRow } from "../../store/queries/target-health.js";
import type { ApiDeps } from "../api-deps.js";
import { durationMs } from "./dashboard-window.js";

const TargetsQuery = Type.Object(
  {
    window: Type.Optional(
      Type.String({
        pattern: "^[1-9][0-9]{0,3}[mhd]$",
        default: "1h",
        description: "Attempts over this window: 15m, 1h, 1d",
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Each connected system's health: attempt latency and error rate over the window, circuit state
 * (in a process that delivers), Retry-After waits (maintenance windows), backlog and dead letters,
 * and which system holds work back the most: the bottleneck.
 */
export async function dashboardTargetRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: { window?: string } }>(
    "/v1/dashboard/targets",
    {
      schema: { querystring: TargetsQuery, summary: "Health of every connected system, and the bottleneck" },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const w = await windowEndingNow(
        deps.store,
        Math.min(durationMs(request.query.window ?? "1h"), 90 * 86_400_000),
        1,
      );
      const rows = await readTargetHealth(deps.store, w.from);
      const known = deps.targets?.() ?? [];
      const byName = new Map(rows.map((r) => [r.target, r]));
      const names = [...new Set([...known.map((k) => k.target), ...byName.keys()])].sort();
      const items = names.map((target) => {
        const c = known.find((k) => k.target === target)?.circuit;
        const row = byName.get(target) ?? emptyRow(target);
        return {
          ...row,
          circuit: c
            ? {
                state: c.state,
                consecutiveFailures: c.consecutiveFailures,
                nextProbeAt: c.nextProbeAt?.toISOString() ?? null,
              }
            : null,
          status: statusOf(row, c?.state),
        };
      });
      return {
        window: { from: w.from.toISOString(), to: w.to.toISOString() },
        items,
        bottleneck: bottleneck(items, w.to),
      };
    },
  );
}

function emptyRow(target: string): TargetHealthRow {
  return {
    target,
    attempts: 0,
    errors: 0,
    errorRate: null,
    p50Ms: null,
    p95Ms: null,
    lastAttemptAt: null,
    backlog: { pending: 0, inFlight: 0, oldestWaitingSince: null },
    deadLetters: 0,
    waitingUntil: null,
  };
}

/** One word for the tile: down (circuit open), waiting (Retry-After), degraded (errors), healthy. */
function statusOf(r: TargetHealthRow, circuit: string | undefined): "down" | "waiting" | "degraded" | "healthy" {
  if (circuit === "open") return "down";
  if (r.waitingUntil) return "waiting";
  if ((r.errorRate ?? 0) > 0.05 || r.deadLetters > 0) return "degraded";
  return "healthy";
}

/**
 * The bottleneck is the system whose oldest unfinished delivery has waited longest: it is what
 * holds a business transaction back (a large backlog that moves fast holds nothing). Ties go to
 * the larger backlog. None when nothing waits.
 */
function bottleneck(items: readonly (TargetHealthRow & { status: string })[], now: Date) {
  const waiting = items.filter((i) => i.backlog.oldestWaitingSince);
  if (waiting.length === 0) return null;
  const age = (i: TargetHealthRow) => now.getTime() - Date.parse(i.backlog.oldestWaitingSince!);
  const size = (i: TargetHealthRow) => i.backlog.pending + i.backlog.inFlight;
  const worst = [...waiting].sort((a, b) => age(b) - age(a) || size(b) - size(a))[0]!;
  return {
    target: worst.target,
    oldestWaitingMs: Math.max(0, age(worst)),
    backlog: size(worst),
    reason: `${worst.target} holds the oldest unfinished delivery (${size(worst)} waiting; status ${worst.status})`,
  };
}
