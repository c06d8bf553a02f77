import { type HrTime, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

type ExportCallback = Parameters<SpanExporter["export"]>[1];

const ms = (t: HrTime) => t[0] * 1e3 + t[1] / 1e6;

/** One finished span as one JSON object: what a log shipper can forward to a tracing backend. */
export function spanToJson(span: ReadableSpan): Record<string, unknown> {
  const ctx = span.spanContext();
  return {
    service: "concord",
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: SpanKind[span.kind],
    start: new Date(ms(span.startTime)).toISOString(),
    durationMs: Math.round(ms(span.duration) * 1000) / 1000,
    status: SpanStatusCode[span.status.code],
    ...(span.status.message ? { statusMessage: span.status.message } : {}),
    attributes: span.attributes,
    ...(span.links.length > 0
      ? { links: span.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId })) }
      : {}),
  };
}

/**
 * Writes each finished span as a JSON line (to stdout or a file), for deployments without an
 * OTLP collector: the lines carry trace and parent ids, so any backend can rebuild the traces.
 */
export class JsonLinesSpanExporter implements SpanExporter {
  constructor(
    private readonly write: (line: string) => void,
    private readonly close: () => Promise<void> = async () => {},
  ) {}

  export(spans: ReadableSpan[], done: ExportCallback): void {
    try {
      for (const span of spans) this.write(`${JSON.stringify(spanToJson(span))}\n`);
      done({ code: 0 }); // ExportResultCode.SUCCESS
    } catch (error) {
      done({ code: 1, error: error as Error }); // ExportResultCode.FAILED
    }
  }

  shutdown(): Promise<void> {
    return this.close();
  }
}
