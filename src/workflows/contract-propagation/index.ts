export * from "./accept-contract-version.js";
export * from "./intake-clm-event.js";
export * from "./intake-config.js";
export * from "./release-gate.js";
