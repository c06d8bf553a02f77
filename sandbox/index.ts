/** Public surface of the sandbox: reference external systems for Concord's tests, demos and benches. */

export {
  type AnalyticsHandle,
  type AnalyticsServer,
  type AnalyticsServerOptions,
  createAnalyticsServer,
  type PriceBatch,
} from "./analytics/server.js";
export { type AmendmentRequest, applyAmendment } from "./clm/amendment.js";
export {
  agreementEvent,
  type ClmAgreementEvent,
  type ClmEvent,
  type ClmWithdrawalEvent,
  EVENT_ID_HEADER,
  WEBHOOK_PATH,
  withdrawalEvent,
} from "./clm/event.js";
export { type ClmHandle, type ClmServer, type ClmServerOptions, createClmServer } from "./clm/server.js";
export type * from "./clm/types.js";
export type { Delivery, WebhookOptions } from "./clm/webhook.js";
export type { AuthorizedItem, AuthorizedMember } from "./distributor/edi.js";
export { type LineAnswer, type LineAnswerKind, ruleFor } from "./distributor/purchase-orders.js";
export {
  type AckStatus,
  createDistributorServer,
  DISTRIBUTOR_SYSTEM,
  DISTRIBUTOR_X12_ID,
  type DistributorFaults,
  type DistributorHandle,
  type DistributorServer,
  type DistributorServerOptions,
  type ReceivedAck,
  type ReceivedPriceAuthorization,
  type ReceivedPurchaseOrder,
  type SentAck,
} from "./distributor/server.js";
export { createErpServer, type ErpHandle, type ErpServer, type ErpServerOptions } from "./erp/server.js";
export type * from "./erp/types.js";
export { type FaultConfig, type FaultInjector, installFaults } from "./faults/index.js";
export {
  DEFAULT_SEED,
  generateHealthSystem,
  indexXrefs,
  localId,
  toClmAgreement,
  toErpBlanketAgreement,
  toProcurementCatalog,
  type XrefIndex,
} from "./generator/index.js";
export type { GenerateOptions, SandboxDataset, SandboxSystem } from "./generator/types.js";
export {
  createProcurementServer,
  type ProcurementHandle,
  type ProcurementServer,
  type ProcurementServerOptions,
} from "./procurement/server.js";
export type * from "./procurement/types.js";
export { gs1CheckDigit, isValidGs1 } from "./shared/gs1.js";
export { CANONICAL_TO_X12, X12_TO_CANONICAL } from "./shared/uom.js";
export { type Sandbox, type StartSandboxOptions, type SystemName, startSandbox } from "./start.js";
export { supplierNetworkHubConfig } from "./supplier-network/hub-config.js";
export { type NetworkLineAnswer, type NetworkLineKind, networkRuleFor } from "./supplier-network/order-rule.js";
export {
  createSupplierNetworkServer,
  type ReceivedOrder,
  type RefusedRequest,
  SUPPLIER_NETWORK,
  SUPPLIER_NETWORK_ORDER_PATH,
  type SupplierNetworkHandle,
  type SupplierNetworkServer,
  type SupplierNetworkServerOptions,
} from "./supplier-network/server.js";
