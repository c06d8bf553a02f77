export * from "./effective-price.js";
export * from "./ownership.js";
export * from "./pick-lowest-price.js";
