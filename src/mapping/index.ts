export * from "./compile-mapping.js";
export * from "./mapping-spec.js";
export * from "./transforms.js";
