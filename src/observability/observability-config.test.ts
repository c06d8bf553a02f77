import { describe, expect, it } from "vitest";
import { compileObservabilityConfig } from "./observability-config.js";

describe("compileObservabilityConfig", () => {
  it("defaults to silent logs, no tracing and store numbers reused for 5 s", () => {
    expect(compileObservabilityConfig({})).toEqual({
      logging: { level: "silent" },
      tracing: { exporter: "none", file: undefined },
      metrics: { storeCacheMs: 5_000 },
    });
  });

  it("sends OTLP to the local collector by default, with header values read from the environment", () => {
    const config = compileObservabilityConfig(
      { tracing: { exporter: "otlp", otlp: { headers: { authorization: "env:OTLP_TOKEN", "x-tenant": "hospital" } } } },
      { OTLP_TOKEN: "Bearer t0ken" },
    );
    expect(config.tracing.otlp).toEqual({
      url: "http://127.0.0.1:4318/v1/traces",
      headers: { authorization: "Bearer t0ken", "x-tenant": "hospital" },
    });
  });

  it.each([
    [
      { logging: { level: "verbose" } },
      "logging.level must be one of fatal, error, warn, info, debug, trace, silent (got verbose)",
    ],
    [
      { tracing: { exporter: "jaeger" } },
      "tracing.exporter must be one of none, console, file, otlp, memory (got jaeger)",
    ],
    [{ tracing: { exporter: "otlp", otlp: { url: "collector:4318" } } }, "tracing.otlp.url must be an http(s) URL"],
    [
      { tracing: { exporter: "otlp", otlp: { headers: { authorization: "env:CONCORD_NO_SUCH_VARIABLE" } } } },
      "tracing.otlp.headers.authorization: the environment variable CONCORD_NO_SUCH_VARIABLE is not set",
    ],
    [{ tracing: { exporter: "file" } }, 'tracing.file must name the JSON-lines file when tracing.exporter is "file"'],
    [{ metrics: { storeCacheMs: -1 } }, "metrics.storeCacheMs must be a whole number of at least 0 (got -1)"],
  ])("refuses %j", (input, message) => {
    expect(() => compileObservabilityConfig(input as never)).toThrow(message);
  });
});
