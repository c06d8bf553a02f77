export { createWebhookConnector } from "./webhook-connector.js";
