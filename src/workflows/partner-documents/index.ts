export * from "./accept-partner-message.js";
export * from "./content-hash.js";
export * from "./partner-message.js";
export * from "./receive-cxml.js";
export * from "./receive-x12.js";
export * from "./record-batch.js";
export * from "./resolve-item-refs.js";
