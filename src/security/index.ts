export * from "./field-cipher.js";
export * from "./generated-key-file.js";
export * from "./log-redact-paths.js";
export * from "./rotate-sensitive-fields.js";
export * from "./sensitive-field-rows.js";
export * from "./supplier-sensitive-fields.js";
