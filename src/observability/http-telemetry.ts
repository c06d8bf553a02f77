import { SpanKind } from "@opentelemetry/api";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { HubTelemetry } from "./hub-telemetry.js";
import type { TraceSpan } from "./hub-tracing.js";

/** Routes polled by machines (probes, Prometheus): their requests are not logged line by line. */
export const QUIET_ROUTES: ReadonlySet<string> = new Set(["/healthz", "/metrics"]);

/**
 * Per request: the correlation id (fastify's request id, see correlationIdOf) echoed to the caller
 * and handed to the routes as X-Correlation-Id; the duration histogram by route pattern; with
 * tracing, a server span (continuing the caller's `traceparent`) that is active while the handler
 * runs, so the intake's spans are its children. At debug the headers are logged, at trace also
 * the body, both redacted by the logger.
 */
export function installHttpTelemetry(app: FastifyInstance, telemetry: HubTelemetry): void {
  const { metrics, tracing, logger } = telemetry;
  const spans = new WeakMap<FastifyRequest, TraceSpan>();
  app.addHook("onRequest", (request, reply, done) => {
    // Routes read the correlation id from this header: setting it makes the id in their events,
    // exceptions and answers the same one the log lines carry, even when the caller sent none.
    request.headers["x-correlation-id"] = request.id;
    void reply.header("x-correlation-id", request.id);
    if (tracing) {
      const route = request.routeOptions.url;
      spans.set(
        request,
        tracing.start(`${request.method} ${route ?? "unmatched"}`, {
          kind: SpanKind.SERVER,
          parent: typeof request.headers.traceparent === "string" ? request.headers.traceparent : undefined,
          attributes: {
            "http.request.method": request.method,
            "http.route": route ?? "unmatched",
            // The path only: a query string may carry credentials.
            "url.path": request.url.split("?")[0]!,
            "concord.correlation_id": request.id,
          },
        }),
      );
    }
    done();
  });
  app.addHook("preHandler", (request, _reply, done) => {
    if (logger.isLevelEnabled("debug")) {
      const trace = logger.isLevelEnabled("trace");
      request.log[trace ? "trace" : "debug"](
        { headers: request.headers, ...(trace && request.body !== undefined ? { body: request.body } : {}) },
        "request received",
      );
    }
    const span = spans.get(request);
    if (span && tracing) tracing.runActive(span, done);
    else done();
  });
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.observeHttp(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const span = spans.get(request);
    if (span) {
      span.span.setAttribute("http.response.status_code", reply.statusCode);
      span.end(reply.statusCode >= 500 ? `answered ${reply.statusCode}` : undefined);
    }
    done();
  });
}
