export * from "./accept-partner-message.js";
export * from "./partner-message.js";
export * from "./resolve-item-refs.js";
