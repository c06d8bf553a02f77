export * from "./concord-error.js";
export * from "./registry.js";
