import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMemoryHub } from "../../test/support/memory-hub.js";
import { RecordingTarget } from "../../test/support/recording-target.js";
import { amendment, contractV1 } from "../../test/support/small-health-system.js";
import { postVersion, waitFor } from "../../test/support/test-hub.js";
import type { Hub } from "../server/index.js";

interface OtlpSpan {
  name: string;
  traceId: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** A stand-in OpenTelemetry Collector: it keeps what arrives on /v1/traces, with its headers. */
async function startCollector(): Promise<{
  server: Server;
  url: string;
  received: { headers: Record<string, unknown>; body: OtlpRequest }[];
}> {
  const received: { headers: Record<string, unknown>; body: OtlpRequest }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      if (req.url === "/v1/traces") received.push({ headers: req.headers, body: JSON.parse(body) as OtlpRequest });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/v1/traces`, received };
}

describe("tracing to an OpenTelemetry collector over OTLP/HTTP", () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let target: RecordingTarget;
  let hub: Hub;
  beforeAll(async () => {
    collector = await startCollector();
    target = await new RecordingTarget().start();
    hub = await startMemoryHub(target.url, {
      tracing: { exporter: "otlp", otlp: { url: collector.url, headers: { "x-collector-token": "tok-1" } } },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await target?.stop();
    await new Promise((r) => collector?.server.close(r));
  });

  it("exports the spans of an amendment, from the request to the delivery, as service concord", async () => {
    expect((await postVersion(hub.url, amendment(contractV1(), 2, "2026-07-01"))).status).toBe(202);
    await waitFor(() => target.appliedRevisions("AGR-1").length === 1, 15_000, "delivered");
    const spans = () =>
      collector.received.flatMap((r) => r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)));
    // The batch processor exports on its own schedule (5 s) or when the hub shuts down.
    await waitFor(() => spans().some((s) => s.name.startsWith("deliver")), 20_000, "the delivery span exported");
    const first = collector.received[0]!;
    expect(first.headers["x-collector-token"]).toBe("tok-1");
    expect(first.body.resourceSpans[0]!.resource.attributes).toContainEqual({
      key: "service.name",
      value: { stringValue: "concord" },
    });
    const delivery = spans().find((s) => s.name.startsWith("deliver"))!;
    // The delivery continues the trace the request started.
    expect(spans().filter((s) => s.traceId === delivery.traceId).length).toBeGreaterThan(1);
  });
});
