import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMemoryHub } from "../../test/support/memory-hub.js";
import { RecordingTarget } from "../../test/support/recording-target.js";
import { deliveryStatuses, hubHeaders, waitFor } from "../../test/support/test-hub.js";
import type { Hub } from "../server/index.js";
import { parseTraceparent } from "./traceparent.js";

/** A CLM "agreement amended" webhook in the CLM's own format, for the seeded agreement AGR-1. */
const clmEvent = (eventId: string, amendmentNo: number) => ({
  eventId,
  eventType: "agreement.amended",
  occurredAt: "2026-11-25T10:00:00Z",
  agreement: {
    agreementNo: "AGR-1",
    amendmentNo,
    title: "Gloves agreement",
    vendorCode: "VND-1",
    currencyCode: "USD",
    startDate: "2026-01-01",
    endDate: "2028-12-31",
    priceBasis: "ORDER_DATE",
    pricing: [
      {
        lineRef: 1,
        itemCode: "CLM-ITM-1",
        uom: "BX",
        price: `${10 + amendmentNo}.5000`,
        tiers: [{ tierCode: "T1", price: "11.25" }],
        validFrom: "2026-12-01",
        validTo: null,
      },
    ],
    sites: [{ siteCode: "SITE-1", tierCode: "T1", eligibleFrom: "2026-01-01", eligibleTo: null }],
    incentives: [],
  },
});

describe("one trace from the CLM's webhook to the target", () => {
  let target: RecordingTarget;
  let hub: Hub;
  beforeAll(async () => {
    target = await new RecordingTarget().start();
    hub = await startMemoryHub(target.url, { tracing: { exporter: "memory" } });
  });
  afterAll(async () => {
    await hub?.close();
    await target?.stop();
  });

  const spansOf = (traceId: string) =>
    hub.telemetry.tracing!.memory!.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const one = (spans: readonly ReadableSpan[], name: string) => {
    const found = spans.filter((s) => s.name === name);
    expect(found.map((s) => s.name)).toEqual([name]);
    return found[0]!;
  };
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  it("request → intake → mapping and transaction → delivery, stored with the event and sent on as traceparent, retries included", async () => {
    // The caller's own trace: Concord's spans join it.
    const callerTrace = "0af7651916cd43dd8448eb211c80319c";
    const callerSpan = "b7ad6b7169203331";
    target.enqueue({ status: 503, headers: { "retry-after": "0" } });
    const res = await fetch(`${hub.url}/v1/inbound/clm/agreement-events`, {
      method: "POST",
      headers: hubHeaders({ "content-type": "application/json", traceparent: `00-${callerTrace}-${callerSpan}-01` }),
      body: JSON.stringify(clmEvent("evt-traced", 2)),
    });
    expect(res.status).toBe(202);
    const { correlationId } = (await res.json()) as { correlationId: string };
    await waitFor(async () => (await deliveryStatuses(hub.url, "ctr-1", 2)).procurement === "acknowledged");
    await waitFor(() => spansOf(callerTrace).filter((s) => s.name === "deliver procurement").length === 2);

    const spans = spansOf(callerTrace);
    const request = one(spans, "POST /v1/inbound/clm/agreement-events");
    const intake = one(spans, "intake clm.agreement.amended");
    const mapping = one(spans, "map clm.agreement.amended");
    const transaction = one(spans, "intake transaction");
    const deliveries = spans.filter((s) => s.name === "deliver procurement");
    expect(parentOf(request)).toBe(callerSpan);
    expect(parentOf(intake)).toBe(request.spanContext().spanId);
    expect(parentOf(mapping)).toBe(intake.spanContext().spanId);
    expect(parentOf(transaction)).toBe(intake.spanContext().spanId);
    for (const d of deliveries) expect(parentOf(d)).toBe(intake.spanContext().spanId);
    for (const s of [request, intake, ...deliveries])
      expect(s.attributes["concord.correlation_id"]).toBe(correlationId);
    expect(request.attributes["http.response.status_code"]).toBe(202);
    expect(deliveries.map((d) => d.attributes["concord.attempt"]).sort()).toEqual([1, 2]);
    expect(deliveries.find((d) => d.attributes["concord.attempt"] === 1)!.attributes["concord.error_code"]).toBe(
      "CONCORD_ERR_CONNECTOR_TRANSIENT",
    );

    // The outbox event holds the trace context: the retry was claimed from the store, not handed over in memory.
    const [event] = await hub.store.query<{ trace_context: string }>(
      "SELECT trace_context FROM events WHERE business_key = 'contract:ctr-1' AND key_version = 2",
    );
    expect(parseTraceparent(event!.trace_context)).toMatchObject({
      traceId: callerTrace,
      spanId: intake.spanContext().spanId,
    });

    // What the target received names each attempt's span as its parent.
    const received = target.requests.filter((r) => r.revision === 2).map((r) => parseTraceparent(r.traceparent));
    expect(received.map((r) => r?.traceId)).toEqual([callerTrace, callerTrace]);
    expect(received.map((r) => r?.spanId).sort()).toEqual(deliveries.map((d) => d.spanContext().spanId).sort());
  });

  it("starts a new trace for a request without traceparent", async () => {
    const res = await fetch(`${hub.url}/v1/inbound/clm/agreement-events`, {
      method: "POST",
      headers: hubHeaders({ "content-type": "application/json" }),
      body: JSON.stringify(clmEvent("evt-untraced", 3)),
    });
    expect(res.status).toBe(202);
    await waitFor(() => target.requests.some((r) => r.revision === 3));
    const sent = parseTraceparent(target.requests.find((r) => r.revision === 3)!.traceparent)!;
    await waitFor(() => spansOf(sent.traceId).some((s) => s.name === "deliver procurement"));
    const spans = spansOf(sent.traceId);
    expect(parentOf(one(spans, "POST /v1/inbound/clm/agreement-events"))).toBeUndefined();
    expect(one(spans, "deliver procurement").spanContext().spanId).toBe(sent.spanId);
  });
});
