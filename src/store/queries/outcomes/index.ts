export * from "./contract-activation.js";
export * from "./duplicate-vendors.js";
export * from "./invoice-disputes.js";
export * from "./invoice-to-payment.js";
export * from "./manual-touches.js";
export * from "./purchase-order-lines.js";
