import type { FastifyInstance, RouteOptions } from "fastify";
import type { Store } from "../../store/index.js";
import type { RouteGovernance } from "../auth/principal.js";

type Deprecated = NonNullable<RouteGovernance["deprecated"]>;

/**
 * Deprecated routes keep working until their sunset and say so on every answer: Deprecation
 * (RFC 9745, the date it was deprecated), Sunset (RFC 8594, when it stops) and a Link to its
 * successor. GET /v1/deprecations lists them with their calls per client, counted from the audit
 * log (every call is there already, so counting costs the hot path nothing).
 */
export function installDeprecation(app: FastifyInstance, store: Store): void {
  const deprecated = new Map<string, Deprecated & { readonly method: string; readonly route: string }>();
  app.addHook("onRoute", (route: RouteOptions) => {
    const d = (route.config as RouteGovernance | undefined)?.deprecated;
    if (!d) return;
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") deprecated.set(`${method} ${route.url}`, { ...d, method, route: route.url });
    }
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const d = request.routeOptions.config?.deprecated;
    if (!d) return payload;
    void reply.header("deprecation", `@${Math.floor(Date.parse(d.since) / 1000)}`);
    void reply.header("sunset", new Date(d.sunset).toUTCString());
    void reply.header("link", `<${d.successor}>; rel="successor-version"`);
    return payload;
  });

  app.get(
    "/v1/deprecations",
    { config: { scope: "operations:read" }, schema: { summary: "Deprecated routes and who still calls them" } },
    async () => {
      const subjects = [...deprecated.keys()];
      const calls = subjects.length
        ? await store.query<{ subject: string; actor: string; calls: number; last_call: Date }>(
            `SELECT subject_id AS subject, actor, count(*)::int AS calls, max(at) AS last_call
             FROM audit_log WHERE action = 'api.call' AND subject_type = 'route' AND subject_id = ANY($1)
             GROUP BY subject_id, actor ORDER BY subject_id, actor`,
            [subjects],
          )
        : [];
      return {
        items: [...deprecated.entries()].map(([subject, d]) => {
          const mine = calls.filter((c) => c.subject === subject);
          return {
            method: d.method,
            route: d.route,
            deprecatedSince: d.since,
            sunset: d.sunset,
            successor: d.successor,
            calls: mine.reduce((n, c) => n + c.calls, 0),
            byClient: mine.map((c) => ({
              client: c.actor,
              calls: c.calls,
              lastCall: new Date(c.last_call).toISOString(),
            })),
          };
        }),
      };
    },
  );
}
