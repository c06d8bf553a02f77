export * from "./duplicate-invoice.js";
export * from "./exception-aging.js";
export * from "./exception-routing.js";
export * from "./match-exception.js";
export * from "./match-input.js";
export * from "./match-invoice.js";
export * from "./match-result.js";
export * from "./match-tolerances.js";
