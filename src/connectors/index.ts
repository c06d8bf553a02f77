export * from "./analytics-sink/index.js";
export * from "./clm-agreements/index.js";
export * from "./contract-event-body.js";
export * from "./erp-purchasing/index.js";
export * from "./http-json/index.js";
export * from "./mapping-catalog.js";
export * from "./memory/memory-target.js";
export * from "./procurement-catalog/index.js";
