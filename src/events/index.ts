export * from "./delivery-port.js";
export * from "./dispatcher.js";
export * from "./group-commit.js";
export * from "./retry-policy.js";
export * from "./sql/append-event.js";
export * from "./sql/append-events.js";
export * from "./sql/claim-deliveries.js";
export * from "./sql/replay-deliveries.js";
