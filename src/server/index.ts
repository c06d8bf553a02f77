export * from "./config.js";
export * from "./start-hub.js";
