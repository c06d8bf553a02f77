export * from "./effective-price.js";
export * from "./invoice-match/index.js";
export * from "./ownership.js";
export * from "./pick-lowest-price.js";
