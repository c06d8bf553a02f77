import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import type { OutboundMessage } from "../../events/index.js";
import { MemoryTarget } from "./memory-target.js";

const msg = (keyVersion: number, idempotencyKey = `k${keyVersion}`): OutboundMessage => ({
  deliveryId: keyVersion,
  target: "m",
  eventType: "e",
  businessKey: "contract:c",
  keyVersion,
  payload: {},
  idempotencyKey,
  correlationId: "c",
  attempt: 1,
});

describe("MemoryTarget", () => {
  it("fails scripted deliveries in order, then applies", async () => {
    const t = new MemoryTarget("m");
    t.failNext(Errors.ConnectorTransient("down"), Errors.ConnectorRejected("no"));
    const signal = new AbortController().signal;
    await expect(t.deliver(msg(1), signal)).rejects.toMatchObject({ code: Errors.ConnectorTransient.code });
    await expect(t.deliver(msg(1), signal)).rejects.toMatchObject({ code: Errors.ConnectorRejected.code });
    await expect(t.deliver(msg(1), signal)).resolves.toEqual({ kind: "acknowledged", ref: "MEM-1" });
    expect(t.applied.map((a) => a.keyVersion)).toEqual([1]);
  });

  it("answers an aborted delivery as a timeout", async () => {
    const t = new MemoryTarget("m");
    const abort = new AbortController();
    abort.abort();
    await expect(t.deliver(msg(1), abort.signal)).rejects.toMatchObject({
      code: Errors.ConnectorTimeout.code,
    });
    expect(t.applied).toEqual([]);
  });
});
