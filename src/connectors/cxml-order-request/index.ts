export * from "./connector.js";
