export * from "./connector.js";
export * from "./price-authorization-from-contract.js";
export * from "./purchase-order-interchange.js";
