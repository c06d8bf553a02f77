import { describe, expect, it } from "vitest";
import { decodeBusMessage, type RawBusMessage } from "./bus-event.js";

function raw(body: string, headers: Record<string, string> = {}): RawBusMessage {
  return {
    subject: "erp.events.po.created",
    data: Buffer.from(body, "utf8"),
    header: (n) => headers[n],
    stream: "ERP",
    streamSequence: 42,
    deliveryCount: 1,
    redelivered: false,
  };
}

describe("decodeBusMessage: bad input never crashes the consumer", () => {
  it("reads the Concord headers and the JSON body", () => {
    const d = decodeBusMessage(
      raw('{"a":1}', {
        "Nats-Msg-Id": "m-1",
        "Concord-Event-Type": "po.created",
        "Concord-Business-Key": "po:1",
        "Concord-Key-Version": "7",
        "Concord-Correlation-Id": "c-9",
      }),
    );
    expect(d.ok && d.event).toMatchObject({
      messageId: "m-1",
      eventType: "po.created",
      businessKey: "po:1",
      keyVersion: 7,
      correlationId: "c-9",
      payload: { a: 1 },
      rawBody: '{"a":1}',
    });
  });

  it("without Nats-Msg-Id the id is the stream position, stable across redeliveries", () => {
    const d = decodeBusMessage(raw("{}"));
    expect(d.ok && d.event.messageId).toBe("ERP/42");
    expect(d.ok && d.event.eventType).toBeUndefined();
  });

  it("a body that is not JSON is refused with where it came from", () => {
    const d = decodeBusMessage(raw("{oops"));
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.code).toBe("CONCORD_ERR_INPUT_MALFORMED");
      expect(d.error.message).toMatch(/ERP#42 on erp\.events\.po\.created is not JSON/);
    }
  });

  it("a key version that is not a whole number ≥ 1 is refused", () => {
    for (const v of ["0", "-1", "1.5", "x", "99999999999"]) {
      const d = decodeBusMessage(raw("{}", { "Concord-Key-Version": v }));
      expect(d.ok, v).toBe(false);
    }
  });

  it("an oversized header is refused", () => {
    const d = decodeBusMessage(raw("{}", { "Concord-Business-Key": "k".repeat(201) }));
    expect(!d.ok && d.error.message).toMatch(/over 200 characters/);
  });
});
