export * from "./mapping.js";
export * from "./native-schema.js";
