export * from "./accept-payments.js";
