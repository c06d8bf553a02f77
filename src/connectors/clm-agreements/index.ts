export * from "./mapping.js";
export * from "./native-schema.js";
export * from "./withdrawal-schema.js";
