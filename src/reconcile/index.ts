export * from "./append-repairs.js";
export * from "./consistency-queries.js";
export * from "./reconcile.js";
export * from "./reconcile-types.js";
