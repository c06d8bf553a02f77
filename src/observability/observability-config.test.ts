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

  it.each([
    [
      { logging: { level: "verbose" } },
      "logging.level must be one of fatal, error, warn, info, debug, trace, silent (got verbose)",
    ],
    [{ tracing: { exporter: "jaeger" } }, "tracing.exporter must be one of none, console, file, memory (got jaeger)"],
    [{ tracing: { exporter: "file" } }, 'tracing.file must name the JSON-lines file when tracing.exporter is "file"'],
    [{ metrics: { storeCacheMs: -1 } }, "metrics.storeCacheMs must be a whole number of at least 0 (got -1)"],
  ])("refuses %j", (input, message) => {
    expect(() => compileObservabilityConfig(input as never)).toThrow(message);
  });
});
