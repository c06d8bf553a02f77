export * from "./classify-response.js";
export * from "./http-json-connector.js";
export * from "./retry-after.js";
