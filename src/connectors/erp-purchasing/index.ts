export * from "./connector.js";
export * from "./mapping.js";
