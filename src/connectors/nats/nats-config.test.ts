import { describe, expect, it } from "vitest";
import { compileDurableConsumerConfig } from "./durable-consumer.js";
import { compileEventStreamConfig } from "./ensure-stream.js";
import { compileNatsBusOptions } from "./nats-bus.js";

describe("NATS options are validated once, with the field named", () => {
  it("bus options: defaults and refused values", () => {
    expect(compileNatsBusOptions({ servers: "nats://127.0.0.1:4222" })).toMatchObject({
      servers: ["nats://127.0.0.1:4222"],
      maxReconnectAttempts: -1,
      reconnectTimeWaitMs: 1_000,
      apiTimeoutMs: 5_000,
    });
    expect(() => compileNatsBusOptions({ servers: [] })).toThrow(/at least one server/);
    expect(() => compileNatsBusOptions({ servers: "http://x" })).toThrow(/not a NATS URL/);
    expect(() => compileNatsBusOptions({ servers: "nats://x:1", apiTimeoutMs: 0 })).toThrow(/apiTimeoutMs/);
    expect(() => compileNatsBusOptions({ servers: "nats://x:1", maxReconnectAttempts: -2 })).toThrow(
      /maxReconnectAttempts/,
    );
  });

  it("stream config: a day's duplicate window within a week's retention by default", () => {
    const c = compileEventStreamConfig({ name: "CONCORD_EVENTS", subjects: ["concord.events.>"] });
    expect(c).toMatchObject({ duplicateWindowMs: 86_400_000, maxAgeMs: 604_800_000, storage: "file", replicas: 1 });
    expect(() => compileEventStreamConfig({ name: "a.b", subjects: ["x.>"] })).toThrow(/name must be/);
    expect(() => compileEventStreamConfig({ name: "S", subjects: [] })).toThrow(/subjects must not be empty/);
    expect(() => compileEventStreamConfig({ name: "S", subjects: ["a b"] })).toThrow(/not a valid subject/);
    expect(() =>
      compileEventStreamConfig({ name: "S", subjects: ["x.>"], duplicateWindowMs: 10_000, maxAgeMs: 5_000 }),
    ).toThrow(/duplicateWindowMs must not exceed maxAgeMs/);
    expect(() => compileEventStreamConfig({ name: "S", subjects: ["x.>"], maxMessages: 0 })).toThrow(/maxMessages/);
  });

  it("consumer config: durable names and limits", () => {
    expect(compileDurableConsumerConfig({ stream: "S", durable: "hub" })).toMatchObject({
      ackWaitMs: 30_000,
      maxDeliver: 12,
      filterSubjects: [],
    });
    expect(() => compileDurableConsumerConfig({ stream: "S", durable: "a.b" })).toThrow(/durable must be/);
    expect(() => compileDurableConsumerConfig({ stream: "S", durable: "d", ackWaitMs: 10 })).toThrow(/ackWaitMs/);
    expect(() => compileDurableConsumerConfig({ stream: "S", durable: "d", maxDeliver: 0 })).toThrow(/maxDeliver/);
  });
});
