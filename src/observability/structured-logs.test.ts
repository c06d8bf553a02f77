import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMemoryHub } from "../../test/support/memory-hub.js";
import { RecordingTarget } from "../../test/support/recording-target.js";
import { amendment, contractV1 } from "../../test/support/small-health-system.js";
import { TEST_API_KEY } from "../../test/support/test-api-key.js";
import { deliveryStatuses, hubHeaders, waitFor } from "../../test/support/test-hub.js";
import type { Hub } from "../server/index.js";

const TAX_ID = "12-3456789";
const ACCOUNT = "000123456789";
const ROUTING = "021000021";
const URL_TOKEN = "tok-in-the-query-2f9c";
const SECRETS = [TEST_API_KEY, TAX_ID, ACCOUNT, ROUTING, URL_TOKEN];

/**
 * The log stream of a real hub at its most verbose level (trace: headers and bodies are logged),
 * handling calls with an API key (header and Bearer), a supplier with a tax id and bank account,
 * a token in a URL, and an amendment whose first delivery attempt fails.
 */
describe("structured logs", () => {
  const lines: string[] = [];
  let target: RecordingTarget;
  let hub: Hub;
  beforeAll(async () => {
    target = await new RecordingTarget().start();
    let pending = "";
    const capture = new Writable({
      write(chunk: Buffer, _enc, done) {
        pending += chunk.toString();
        const complete = pending.split("\n");
        pending = complete.pop()!;
        lines.push(...complete);
        done();
      },
    });
    hub = await startMemoryHub(target.url, { logging: { level: "trace" } }, { logDestination: capture });
  });
  afterAll(async () => {
    await hub?.close();
    await target?.stop();
  });

  it("every line is JSON; no secret appears; request and delivery lines carry the correlation id", async () => {
    const imported = await fetch(`${hub.url}/v1/imports/suppliers`, {
      method: "POST",
      headers: hubHeaders({ "content-type": "application/json", "x-concord-system": "erp" }),
      body: JSON.stringify({
        records: [
          {
            kind: "supplier",
            id: "sup-logged",
            name: "Logged Supplies",
            status: "active",
            paymentTermsNetDays: 30,
            remitTo: { line1: "1 Log Way", city: "Springfield", region: "IL", postalCode: "62701", country: "US" },
            taxId: TAX_ID,
            bankAccount: {
              routingNumber: ROUTING,
              accountNumber: ACCOUNT,
              accountType: "checking",
              accountName: "Logged LLC",
            },
          },
        ],
      }),
    });
    expect(imported.status).toBe(200);
    const read = await fetch(`${hub.url}/v1/contracts/ctr-1?access_token=${URL_TOKEN}`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
    });
    expect(read.status).toBe(200);

    target.enqueue({ status: 503, headers: { "retry-after": "0" } });
    const posted = await fetch(`${hub.url}/v1/contracts/ctr-1/versions`, {
      method: "POST",
      headers: hubHeaders({
        "content-type": "application/json",
        "x-concord-system": "clm",
        "x-correlation-id": "corr-logs-1",
      }),
      body: JSON.stringify(amendment(contractV1(), 2, "2026-12-01")),
    });
    expect(posted.status).toBe(202);
    expect(posted.headers.get("x-correlation-id")).toBe("corr-logs-1");
    expect(await posted.json()).toMatchObject({ correlationId: "corr-logs-1" });
    await waitFor(async () => (await deliveryStatuses(hub.url, "ctr-1", 2)).procurement === "acknowledged");
    // The retried attempt's warning is written after its settle commits.
    await waitFor(() => lines.some((l) => l.includes('"delivery retried"')));

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    for (const secret of SECRETS) expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    // The secrets were there to be removed: bodies and headers are logged at trace.
    expect(parsed.some((p) => p.body?.records?.[0]?.taxId === "[REDACTED]")).toBe(true);
    expect(parsed.some((p) => p.headers?.["x-api-key"] === "[REDACTED]")).toBe(true);
    expect(parsed.some((p) => p.headers?.authorization === "[REDACTED]")).toBe(true);
    expect(parsed.some((p) => String(p.req?.url).includes("access_token=[REDACTED]"))).toBe(true);

    for (const p of parsed) {
      expect(p).toMatchObject({ service: "concord", role: "hub", level: expect.any(String), time: expect.any(String) });
      if (p.req || p.res || p.msg === "request received" || p.deliveryId !== undefined) {
        expect(p.correlationId, JSON.stringify(p)).toEqual(expect.any(String));
      }
    }
    const ofAmendment = parsed.filter((p) => p.correlationId === "corr-logs-1");
    expect(ofAmendment.map((p) => p.msg)).toEqual(
      expect.arrayContaining(["incoming request", "request received", "request completed", "delivery retried"]),
    );
    expect(ofAmendment.find((p) => p.msg === "delivery retried")).toMatchObject({
      level: "warn",
      target: "procurement",
      outcome: "retried",
      errorCode: "CONCORD_ERR_CONNECTOR_TRANSIENT",
      attempt: 1,
    });
    expect(ofAmendment.find((p) => p.msg === "delivery acknowledged")).toMatchObject({ level: "debug", attempt: 2 });
  });
});
