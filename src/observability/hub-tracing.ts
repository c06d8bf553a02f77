import { AsyncLocalStorage } from "node:async_hooks";
import { createWriteStream } from "node:fs";
import {
  type Attributes,
  type Context,
  type Link,
  ROOT_CONTEXT,
  type Span,
  type SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { JsonLinesSpanExporter } from "./json-lines-span-exporter.js";
import { formatTraceparent, parseTraceparent } from "./traceparent.js";

export const TRACE_EXPORTERS = ["none", "console", "file", "otlp", "memory"] as const;
export type TraceExporterName = (typeof TRACE_EXPORTERS)[number];

export interface TracingConfig {
  /** none: no spans at all; console/file: JSON lines; memory: kept for tests (HubTracing.memory). */
  readonly exporter: TraceExporterName;
  /** The JSON-lines file for `file`. */
  readonly file: string | undefined;
  /** Where `otlp` sends spans (OTLP/HTTP JSON, e.g. an OpenTelemetry Collector's :4318/v1/traces). */
  readonly otlp?: { readonly url: string; readonly headers: Readonly<Record<string, string>> };
}

/** A span of this hub, with what code handing the trace on needs. */
export interface TraceSpan {
  readonly span: Span;
  /** The W3C `traceparent` naming this span as the parent (stored with events, sent to targets). */
  readonly traceparent: string;
  readonly context: Context;
  /** Ends the span; an error (or a message) marks it failed. */
  end(error?: unknown): void;
}

export interface StartSpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** A `traceparent` (e.g. stored with an event, or sent by a client), a span, or "active": the request being handled. */
  readonly parent?: string | TraceSpan | "active";
  /** Other spans this one also serves (the other messages of a batch). */
  readonly links?: readonly (string | undefined)[];
}

/**
 * One hub's tracer, with its own provider and exporter (never the global provider: hubs in one
 * process may trace to different places). The span of the request being handled is kept in this
 * hub's own AsyncLocalStorage, so code below the API finds it without a global context manager.
 * Created only when an exporter is configured: with `none`, nothing is traced and nothing costs.
 */
export class HubTracing {
  /** The finished spans, with the `memory` exporter (tests). */
  readonly memory: InMemorySpanExporter | undefined;
  private readonly provider: BasicTracerProvider;
  private readonly tracer: Tracer;
  private readonly active = new AsyncLocalStorage<TraceSpan>();

  private constructor(processor: SpanProcessor, memory: InMemorySpanExporter | undefined) {
    this.memory = memory;
    // A collector groups spans by service: without a name they would be "unknown_service:node".
    this.provider = new BasicTracerProvider({
      spanProcessors: [processor],
      resource: resourceFromAttributes({ "service.name": "concord" }),
    });
    this.tracer = this.provider.getTracer("concord");
  }

  static create(config: TracingConfig): HubTracing | undefined {
    switch (config.exporter) {
      case "none":
        return undefined;
      case "memory": {
        // Simple (synchronous) export: a test sees a span as soon as it ended.
        const memory = new InMemorySpanExporter();
        return new HubTracing(new SimpleSpanProcessor(memory), memory);
      }
      case "console":
        return new HubTracing(
          new BatchSpanProcessor(new JsonLinesSpanExporter((line) => process.stdout.write(line))),
          undefined,
        );
      case "otlp":
        // Batched and off the request path; a collector that is down costs dropped spans, never requests.
        return new HubTracing(
          new BatchSpanProcessor(
            new OTLPTraceExporter({ url: config.otlp!.url, headers: { ...config.otlp!.headers } }),
          ),
          undefined,
        );
      case "file": {
        const out = createWriteStream(config.file!, { flags: "a" });
        const close = () => new Promise<void>((resolve) => out.end(resolve));
        return new HubTracing(
          new BatchSpanProcessor(new JsonLinesSpanExporter((line) => out.write(line), close)),
          undefined,
        );
      }
    }
  }

  start(name: string, opts: StartSpanOptions = {}): TraceSpan {
    const links: Link[] = [];
    for (const l of opts.links ?? []) {
      const context = typeof l === "string" ? parseTraceparent(l) : undefined;
      if (context) links.push({ context });
    }
    const span = this.tracer.startSpan(
      name,
      { ...(opts.kind === undefined ? {} : { kind: opts.kind }), attributes: opts.attributes ?? {}, links },
      this.parentContext(opts.parent),
    );
    const context = trace.setSpan(ROOT_CONTEXT, span);
    return {
      span,
      context,
      traceparent: formatTraceparent(span.spanContext()),
      end(error?: unknown) {
        if (error !== undefined) {
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : String(error),
          });
        }
        span.end();
      },
    };
  }

  /** Runs `fn` (and everything it starts) with `span` as the active span of this hub. */
  runActive<T>(span: TraceSpan, fn: () => T): T {
    return this.active.run(span, fn);
  }

  /** Runs `fn` inside a child span of `parent`, ending it when `fn` settles (failed if it throws). */
  async inSpan<T>(name: string, opts: StartSpanOptions, fn: () => Promise<T>): Promise<T> {
    const s = this.start(name, opts);
    try {
      const result = await fn();
      s.end();
      return result;
    } catch (e) {
      s.end(e);
      throw e;
    }
  }

  /** `inSpan` for synchronous work; a returned ConcordError-like value is not a failure of the span. */
  inSpanSync<T>(name: string, opts: StartSpanOptions, fn: () => T): T {
    const s = this.start(name, opts);
    try {
      const result = fn();
      s.end();
      return result;
    } catch (e) {
      s.end(e);
      throw e;
    }
  }

  /** Exports what is still buffered and stops (hub close). */
  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }

  private parentContext(parent: StartSpanOptions["parent"]): Context {
    if (parent === undefined) return ROOT_CONTEXT;
    if (parent === "active") return this.active.getStore()?.context ?? ROOT_CONTEXT;
    if (typeof parent !== "string") return parent.context;
    const remote = parseTraceparent(parent);
    return remote ? trace.setSpanContext(ROOT_CONTEXT, remote) : ROOT_CONTEXT;
  }
}
