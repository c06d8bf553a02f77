export * from "./accept-contract-versions.js";
export * from "./contract-intake.js";
export * from "./intake-clm-event.js";
export * from "./intake-clm-withdrawal.js";
export * from "./intake-config.js";
export * from "./intake-item.js";
export * from "./release-gate.js";
