import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { classifyNatsError } from "./classify-nats-error.js";

/** The client's errors are recognised by class name, as thrown by @nats-io 3.x. */
function natsError(name: string, message: string, extra: object = {}, cause?: Error): Error {
  const e = new Error(message, cause ? { cause } : undefined);
  e.name = name;
  return Object.assign(e, extra);
}

const classify = (e: unknown, aborted = false) => classifyNatsError("bus", "concord.events.x.k", e, aborted);

describe("classifyNatsError: what the dispatcher does with a failed publish", () => {
  it("no stream on the subject (no responders) is transient", () => {
    const noStream = natsError(
      "JetStreamNotEnabled",
      "jetstream is not enabled",
      {},
      natsError("RequestError", "no responders"),
    );
    const e = classify(noStream);
    expect(e.code).toBe("CONCORD_ERR_CONNECTOR_TRANSIENT");
    expect(e.retryable).toBe(true);
    expect(e.extras).toMatchObject({ system: "bus", subject: "concord.events.x.k", networkError: "no-responders" });
    expect(classify(natsError("NoRespondersError", "no responders: x")).code).toBe("CONCORD_ERR_CONNECTOR_TRANSIENT");
  });

  it("a missing PubAck and the dispatcher's deadline are timeouts", () => {
    expect(classify(natsError("TimeoutError", "timeout")).code).toBe("CONCORD_ERR_CONNECTOR_TIMEOUT");
    expect(classify(new Error("anything"), true).code).toBe("CONCORD_ERR_CONNECTOR_TIMEOUT");
  });

  it("a message the server refuses as such is permanent", () => {
    const e = classify(natsError("Error", "maximum payload exceeded"));
    expect(e.code).toBe("CONCORD_ERR_CONNECTOR_REJECTED");
    expect(e.retryable).toBe(false);
    const api = classify(natsError("JetStreamApiError", "message size exceeds maximum allowed", { status: 400 }));
    expect(api.code).toBe("CONCORD_ERR_CONNECTOR_REJECTED");
  });

  it("a closed or draining connection is transient", () => {
    expect(classify(natsError("ClosedConnectionError", "closed connection")).code).toBe(
      "CONCORD_ERR_CONNECTOR_TRANSIENT",
    );
    expect(classify(natsError("DrainingConnectionError", "connection draining")).retryable).toBe(true);
  });

  it("a JetStream 5xx and anything unknown are retried, and a ConcordError passes through", () => {
    expect(classify(natsError("JetStreamApiError", "insufficient resources", { status: 503 })).retryable).toBe(true);
    expect(classify("weird").code).toBe("CONCORD_ERR_CONNECTOR_TRANSIENT");
    const own = Errors.ConnectorStale("newer");
    expect(classify(own)).toBe(own);
  });
});
