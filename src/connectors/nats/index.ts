export * from "./bus-event.js";
export * from "./bus-headers.js";
export * from "./classify-nats-error.js";
export * from "./durable-consumer.js";
export * from "./ensure-stream.js";
export * from "./nats-bus.js";
export * from "./nats-publisher.js";
export * from "./subject-token.js";
