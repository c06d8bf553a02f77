import { type SpanContext, TraceFlags } from "@opentelemetry/api";

// W3C Trace Context, version 00: 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>.
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZERO = /^0+$/;

/** The `traceparent` header value naming `span` as the parent, e.g. `00-4bf9…-00f0…-01`. */
export function formatTraceparent(span: SpanContext): string {
  const flags = (span.traceFlags & 0xff).toString(16).padStart(2, "0");
  return `00-${span.traceId}-${span.spanId}-${flags}`;
}

/**
 * The remote span context a `traceparent` names, or undefined when it is missing or malformed
 * (an all-zero trace or span id is invalid by the spec): a bad header starts a new trace rather
 * than fail the request that carried it.
 */
export function parseTraceparent(value: string | string[] | null | undefined): SpanContext | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string") return undefined;
  const m = TRACEPARENT.exec(raw.trim().toLowerCase());
  if (!m || ALL_ZERO.test(m[1]!) || ALL_ZERO.test(m[2]!)) return undefined;
  return {
    traceId: m[1]!,
    spanId: m[2]!,
    traceFlags: Number.parseInt(m[3]!, 16) & TraceFlags.SAMPLED,
    isRemote: true,
  };
}
