import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HubTracing } from "./hub-tracing.js";

describe("HubTracing", () => {
  it("is off with the `none` exporter", () => {
    expect(HubTracing.create({ exporter: "none", file: undefined })).toBeUndefined();
  });

  it("writes finished spans as JSON lines to a file, with parents, links and failures", async () => {
    const dir = await mkdtemp(join(tmpdir(), "concord-traces-"));
    try {
      const file = join(dir, "spans.jsonl");
      const tracing = HubTracing.create({ exporter: "file", file })!;
      const root = tracing.start("root", { attributes: { "concord.correlation_id": "c-1" } });
      const other = tracing.start("other");
      await expect(
        tracing.inSpan("child", { parent: root, links: [other.traceparent, undefined, "garbage"] }, async () => {
          throw new Error("target down");
        }),
      ).rejects.toThrow("target down");
      other.end();
      root.end();
      await tracing.shutdown();
      const spans = (await readFile(file, "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, any>);
      const byName = Object.fromEntries(spans.map((s) => [s.name, s]));
      expect(Object.keys(byName).sort()).toEqual(["child", "other", "root"]);
      expect(byName.child).toMatchObject({
        service: "concord",
        traceId: byName.root.traceId,
        parentSpanId: byName.root.spanId,
        status: "ERROR",
        statusMessage: "target down",
        links: [{ traceId: byName.other.traceId, spanId: byName.other.spanId }],
      });
      expect(byName.root).toMatchObject({ status: "UNSET", attributes: { "concord.correlation_id": "c-1" } });
      expect(byName.root).not.toHaveProperty("parentSpanId");
      expect(byName.root.durationMs).toBeGreaterThanOrEqual(0);
      expect(root.traceparent).toBe(`00-${byName.root.traceId}-${byName.root.spanId}-01`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("finds the active span only inside runActive, and only its own (two hubs in one process)", () => {
    const a = HubTracing.create({ exporter: "memory", file: undefined })!;
    const b = HubTracing.create({ exporter: "memory", file: undefined })!;
    const request = a.start("request");
    const [inA, inB] = a.runActive(request, () => [
      a.start("a-child", { parent: "active" }),
      b.start("b-child", { parent: "active" }),
    ]);
    const outside = a.start("outside", { parent: "active" });
    for (const s of [inA, inB, outside]) s.end();
    request.end();
    const parent = (t: HubTracing, name: string) =>
      t.memory!.getFinishedSpans().find((s) => s.name === name)!.parentSpanContext?.spanId;
    expect(parent(a, "a-child")).toBe(request.span.spanContext().spanId);
    expect(parent(b, "b-child")).toBeUndefined();
    expect(parent(a, "outside")).toBeUndefined();
  });
});
