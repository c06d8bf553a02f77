export * from "./accept-receipts.js";
export * from "./escalate-invoice-exception.js";
export * from "./invoice-exception-deps.js";
export * from "./invoice-match-runner.js";
export * from "./load-match-input.js";
export * from "./run-invoice-matches.js";
export * from "./start-invoice-match.js";
export * from "./write-back-decision.js";
