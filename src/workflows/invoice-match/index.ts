export * from "./invoice-match-runner.js";
export * from "./load-match-input.js";
export * from "./run-invoice-matches.js";
export * from "./start-invoice-match.js";
