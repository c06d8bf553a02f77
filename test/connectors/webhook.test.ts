import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_VERSION_EVENT } from "../../src/model/index.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

/** A `webhook` target gets every event it subscribes to as a CloudEvents 1.0 JSON envelope. */
describe.each(STORE_KINDS)("webhook target ($name)", (kind) => {
  const received: { headers: Record<string, unknown>; body: Record<string, any> }[] = [];
  let receiver: FastifyInstance;
  let url = "";
  beforeAll(async () => {
    receiver = Fastify();
    receiver.post("/hooks/concord", async (request, reply) => {
      received.push({ headers: request.headers, body: request.body as Record<string, any> });
      return reply.code(204).send();
    });
    url = `${await receiver.listen({ host: "127.0.0.1", port: 0 })}/hooks/concord`;
  });
  afterAll(async () => receiver?.close());
  const env = useRecordingHub(kind, {
    targets: (recording) => [
      { system: "procurement", kind: "procurement-catalog", url: recording },
      { system: "integration-platform", kind: "webhook", url },
    ],
  });

  it("posts the event as it is, with its idempotency key as the CloudEvent id, and counts it delivered", async () => {
    expect((await postVersion(env.hub.url, amendment(contractV1(), 2, "2026-05-01"))).status).toBe(202);
    await waitFor(
      async () => (await deliveryStatuses(env.hub.url, "ctr-1", 2))["integration-platform"] === "delivered",
    );
    const event = received.at(-1)!;
    expect(event.body).toMatchObject({
      specversion: "1.0",
      source: "concord",
      type: CONTRACT_VERSION_EVENT,
      subject: "contract:ctr-1",
      concordkeyversion: 2,
      data: { contract: { id: "ctr-1", version: 2 } },
    });
    expect(event.body.id).toBe(event.headers["idempotency-key"]);
    expect(event.headers["x-correlation-id"]).toBe(event.body.concordcorrelationid);
  });
});
