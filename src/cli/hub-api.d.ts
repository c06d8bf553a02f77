/**
 * The hub's API as TypeScript types, generated from its OpenAPI document (GET /openapi.json).
 * Do not edit: run `npm run api:types` after changing a route; a test fails while this file
 * differs from what the routes say.
 */
export interface paths {
  readonly "/v1/deprecations": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Deprecated routes and who still calls them */
    readonly get: operations["getV1Deprecations"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/openapi.json": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** This document: the API as OpenAPI 3.1 */
    readonly get: operations["getOpenapiJson"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/docs": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /docs */
    readonly get: operations["getDocs"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/.well-known/jwks.json": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /.well-known/jwks.json */
    readonly get: operations["getWellKnownJwksJson"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/oauth/token": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /oauth/token */
    readonly post: operations["postOauthToken"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/healthz": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /healthz */
    readonly get: operations["getHealthz"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/metrics": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /metrics */
    readonly get: operations["getMetrics"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/inbound/clm/agreement-events": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/inbound/clm/agreement-events */
    readonly post: operations["postV1InboundClmAgreementEvents"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/contracts/{id} */
    readonly get: operations["getV1ContractsById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}/versions": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/contracts/{id}/versions */
    readonly get: operations["getV1ContractsByIdVersions"];
    readonly put?: never;
    /** POST /v1/contracts/{id}/versions */
    readonly post: operations["postV1ContractsByIdVersions"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}/versions/{version}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/contracts/{id}/versions/{version} */
    readonly get: operations["getV1ContractsByIdVersionsByVersion"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}/propagation": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/contracts/{id}/propagation */
    readonly get: operations["getV1ContractsByIdPropagation"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}/versions/{version}/release": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/contracts/{id}/versions/{version}/release */
    readonly post: operations["postV1ContractsByIdVersionsByVersionRelease"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/pricing/effective-price": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The contract price a facility may pay for an item on a date */
    readonly get: operations["getV1PricingEffectivePrice"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/prices": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Deprecated: use /v1/pricing/effective-price
     * @deprecated
     * @description Deprecated since 2026-11-25; answers until its sunset on 2027-06-30. Use /v1/pricing/effective-price instead.
     */
    readonly get: operations["getV1Prices"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/pricing/changes": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Contract price changes released since a time */
    readonly get: operations["getV1PricingChanges"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}/versions/{version}/activations": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** When a contract version's prices become usable at each facility */
    readonly get: operations["getV1ContractsByIdVersionsByVersionActivations"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/contracts/{id}/versions/{version}/activation-decision": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Decide a price activation whose deadline passed */
    readonly post: operations["postV1ContractsByIdVersionsByVersionActivationDecision"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/fiscal-calendar/periods": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The health system's fiscal periods of a fiscal year */
    readonly get: operations["getV1FiscalCalendarPeriods"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/deliveries/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/deliveries/{id} */
    readonly get: operations["getV1DeliveriesById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/exceptions": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/exceptions */
    readonly get: operations["getV1Exceptions"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/policy-violations": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/policy-violations */
    readonly get: operations["getV1PolicyViolations"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dead-letters": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Dead letters, newest first */
    readonly get: operations["getV1DeadLetters"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dead-letters/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One dead letter: the original event payload and every attempt */
    readonly get: operations["getV1DeadLettersById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dead-letters/replay": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Replay dead letters (or dry-run: what would be replayed) */
    readonly post: operations["postV1DeadLettersReplay"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/events": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Outbox events, newest first, with delivery counts by status */
    readonly get: operations["getV1Events"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/events/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One event: its payload and every delivery with its attempts */
    readonly get: operations["getV1EventsById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/traces/{correlationId}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Every system and step of one business transaction, in time order, with a summary */
    readonly get: operations["getV1TracesByCorrelationId"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/invoice-exceptions": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Invoice exceptions, oldest first, with their aging */
    readonly get: operations["getV1InvoiceExceptions"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/invoice-exceptions/{id}/resolve": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Resolve an invoice exception (recorded with the caller, an audit record and an outbox event) */
    readonly post: operations["postV1InvoiceExceptionsByIdResolve"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/receipts": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Send goods receipts (batch, per-record results, idempotent per receipt id); held invoices they cure are matched again */
    readonly post: operations["postV1Receipts"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/payments": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Send payments and the invoices they settle (batch, per-record results, idempotent per payment id); each supplier is sent its remittance */
    readonly post: operations["postV1Payments"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/purchase-orders": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Purchase orders by number, with their status */
    readonly get: operations["getV1PurchaseOrders"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/purchase-orders/{id}/status": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Ordered, acknowledged, shipped, received, invoiced, paid: each with its source document */
    readonly get: operations["getV1PurchaseOrdersByIdStatus"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/requisitions": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Requisitions, newest first: status, lines, POs, open exceptions */
    readonly get: operations["getV1Requisitions"];
    readonly put?: never;
    /** Submit a requisition: checked at once, then approved and ordered */
    readonly post: operations["postV1Requisitions"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/requisitions/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** A requisition: verdict per line, approvals, POs, exceptions, history */
    readonly get: operations["getV1RequisitionsById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/requisitions/{id}/approvals/{kind}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Approve or reject one of a requisition's approval tasks */
    readonly post: operations["postV1RequisitionsByIdApprovalsByKind"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/approval-tasks": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Open requisition approval tasks, oldest due first */
    readonly get: operations["getV1ApprovalTasks"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/cost-centers/{id}/budgets/{fiscalYear}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** A cost center's budget for a fiscal year and what POs committed */
    readonly get: operations["getV1CostCentersByIdBudgetsByFiscalYear"];
    /** Set a cost center's budget for a fiscal year */
    readonly put: operations["putV1CostCentersByIdBudgetsByFiscalYear"];
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/suppliers/{id} */
    readonly get: operations["getV1SuppliersById"];
    /** PUT /v1/suppliers/{id} */
    readonly put: operations["putV1SuppliersById"];
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/items/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/items/{id} */
    readonly get: operations["getV1ItemsById"];
    /** PUT /v1/items/{id} */
    readonly put: operations["putV1ItemsById"];
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/imports/suppliers": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/imports/suppliers */
    readonly post: operations["postV1ImportsSuppliers"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/imports/items": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/imports/items */
    readonly post: operations["postV1ImportsItems"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/suppliers */
    readonly get: operations["getV1Suppliers"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers/{id}/payment-readiness": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/suppliers/{id}/payment-readiness */
    readonly get: operations["getV1SuppliersByIdPaymentReadiness"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers/{id}/history": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/suppliers/{id}/history */
    readonly get: operations["getV1SuppliersByIdHistory"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers/onboarding": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/suppliers/onboarding */
    readonly post: operations["postV1SuppliersOnboarding"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers/onboarding/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/suppliers/onboarding/{id} */
    readonly get: operations["getV1SuppliersOnboardingById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/suppliers/onboarding/{id}/approvals": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/suppliers/onboarding/{id}/approvals */
    readonly post: operations["postV1SuppliersOnboardingByIdApprovals"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/inbound/erp/vendor-numbers": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/inbound/erp/vendor-numbers */
    readonly post: operations["postV1InboundErpVendorNumbers"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/exports/{kind}.csv": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/exports/{kind}.csv */
    readonly get: operations["getV1ExportsByKindCsv"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/exports/{kind}.fhir.json": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/exports/{kind}.fhir.json */
    readonly get: operations["getV1ExportsByKindFhirJson"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/exports/contract-prices.x12": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/exports/contract-prices.x12 */
    readonly get: operations["getV1ExportsContractPricesX12"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/audit/verify": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/audit/verify */
    readonly get: operations["getV1AuditVerify"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/audit": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/audit */
    readonly get: operations["getV1Audit"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/targets": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/targets */
    readonly get: operations["getV1Targets"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/consistency": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/consistency */
    readonly get: operations["getV1Consistency"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/consistency/{runId}/findings": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /v1/consistency/{runId}/findings */
    readonly get: operations["getV1ConsistencyByRunIdFindings"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/processes": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Each business process's throughput, success rate, latency percentiles and SLA compliance, per bucket */
    readonly get: operations["getV1DashboardProcesses"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/targets": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Health of every connected system, and the bottleneck */
    readonly get: operations["getV1DashboardTargets"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/failures": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Dead letters and exceptions, newest first, filtered, with the filter values */
    readonly get: operations["getV1DashboardFailures"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/failures/dead-letter/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** A dead letter with its original (canonical) and mapped (target's native) payloads, masked */
    readonly get: operations["getV1DashboardFailuresDeadLetterById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/failures/exception/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** An exception with its details and the inbound message of its transaction, masked */
    readonly get: operations["getV1DashboardFailuresExceptionById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/violations": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Policy violations (ownership) and refused API calls (governance), per bucket, by rule and caller */
    readonly get: operations["getV1DashboardViolations"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/outcomes": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Business outcomes over a window (disputes, activation, touches, duplicates, leakage) */
    readonly get: operations["getV1Outcomes"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/dashboard/stream": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Server-sent events: a `pulse` of counters whenever operations data changes */
    readonly get: operations["getV1DashboardStream"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/reconciliation-runs": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Reconciliation runs, newest first (requested, running, completed, failed) */
    readonly get: operations["getV1ReconciliationRuns"];
    readonly put?: never;
    /** Request a reconciliation run of the configured systems (run by a worker) */
    readonly post: operations["postV1ReconciliationRuns"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/reconciliation-runs/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One reconciliation run */
    readonly get: operations["getV1ReconciliationRunsById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/inbound/x12": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/inbound/x12 */
    readonly post: operations["postV1InboundX12"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/v1/inbound/cxml": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** POST /v1/inbound/cxml */
    readonly post: operations["postV1InboundCxml"];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/metadata": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/metadata */
    readonly get: operations["getFhirR4Metadata"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/Organization/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/Organization/{id} */
    readonly get: operations["getFhirR4OrganizationById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/Location/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/Location/{id} */
    readonly get: operations["getFhirR4LocationById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/Device/{id}": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/Device/{id} */
    readonly get: operations["getFhirR4DeviceById"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/Organization": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/Organization */
    readonly get: operations["getFhirR4Organization"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/Location": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/Location */
    readonly get: operations["getFhirR4Location"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly "/fhir/R4/Device": {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** GET /fhir/R4/Device */
    readonly get: operations["getFhirR4Device"];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description An error, as RFC 9457 problem details */
    readonly Problem: {
      /**
       * Format: uri
       * @description https://concord.dev/errors/<code>
       */
      readonly type: string;
      /** @description The registry's title for the code (docs/errors.md) */
      readonly title: string;
      readonly status: number;
      /** @description What went wrong with this request, for a person */
      readonly detail: string;
      /** @description The registry code; stable */
      readonly code: string;
      /** @description The request path and query */
      readonly instance: string;
      /** @description Validation problems, one per offending field */
      readonly issues?: readonly {
        readonly path: string;
        readonly message: string;
      }[];
      /** @description When to retry; also sent as Retry-After */
      readonly retryAfterSeconds?: number;
    } & {
      readonly [key: string]: unknown;
    };
    /** @description A FHIR R4 OperationOutcome */
    readonly OperationOutcome: {
      /** @enum {string} */
      readonly resourceType: "OperationOutcome";
      readonly issue: readonly ({
        readonly severity: string;
        readonly code: string;
        readonly details?: {
          readonly [key: string]: unknown;
        };
        readonly diagnostics?: string;
      } & {
        readonly [key: string]: unknown;
      })[];
    } & {
      readonly [key: string]: unknown;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  readonly getV1Deprecations: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getOpenapiJson: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getDocs: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/html": string;
        };
      };
    };
  };
  readonly getWellKnownJwksJson: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postOauthToken: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** @description RFC 6749 §4.4 client-credentials token request */
    readonly requestBody: {
      readonly content: {
        readonly "application/x-www-form-urlencoded": {
          /** @enum {string} */
          readonly grant_type: "client_credentials";
          /** @description Or HTTP Basic authentication */
          readonly client_id?: string;
          readonly client_secret?: string;
          /** @description Space-separated; default every scope the client has */
          readonly scope?: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getHealthz: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getMetrics: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1InboundClmAgreementEvents: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json":
          | {
              readonly eventId: string;
              /** @enum {string} */
              readonly eventType: "agreement.amended";
              readonly occurredAt: string;
              readonly agreement: {
                readonly agreementNo: string;
                readonly amendmentNo: number;
                readonly title: string;
                readonly vendorCode: string;
                readonly currencyCode: string;
                readonly startDate: string;
                readonly endDate: string;
                readonly priceBasis: string;
                readonly priceActivation?: string;
                readonly pricing: readonly {
                  readonly lineRef: number;
                  readonly itemCode: string;
                  readonly uom: string;
                  readonly price: string;
                  readonly tiers?: readonly {
                    readonly tierCode: string;
                    readonly price: string;
                  }[];
                  readonly validFrom?: string | null;
                  readonly validTo?: string | null;
                }[];
                readonly sites: readonly {
                  readonly siteCode: string;
                  readonly tierCode: string;
                  readonly eligibleFrom: string;
                  readonly eligibleTo?: string | null;
                }[];
                readonly incentives?: readonly {
                  readonly type: string;
                  readonly pct: string;
                  readonly spendThreshold?: string | null;
                  readonly period: string;
                }[];
              };
            }
          | {
              readonly eventId: string;
              /** @enum {string} */
              readonly eventType: "agreement.amendment.withdrawn";
              readonly occurredAt: string;
              readonly agreement: {
                readonly agreementNo: string;
                readonly amendmentNo: number;
              };
              readonly reason: string;
            };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ContractsById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ContractsByIdVersions: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1ContractsByIdVersions: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
        readonly "idempotency-key"?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          /** @enum {string} */
          readonly kind: "contract";
          readonly id: string;
          readonly number: string;
          readonly version: number;
          readonly title: string;
          readonly supplierId: string;
          /** @description ISO 4217 code */
          readonly currency: string;
          readonly effectiveFrom: string;
          readonly expiresOn: string;
          readonly pricingDateBasis: "order-date" | "ship-date" | "invoice-date";
          readonly priceLines: readonly {
            readonly lineNo: number;
            readonly itemId: string;
            /** @description Canonical unit of measure */
            readonly uom:
              | "each"
              | "box"
              | "case"
              | "pack"
              | "carton"
              | "dozen"
              | "bag"
              | "kit"
              | "pair"
              | "roll"
              | "bottle"
              | "vial"
              | "tray"
              | "set"
              | "tube"
              | "can"
              | "piece"
              | "pound";
            readonly unitPrice: string;
            readonly tierPrices: readonly {
              readonly tier: number;
              readonly unitPrice: string;
            }[];
            readonly effectiveFrom?: string;
            readonly expiresOn?: string;
          }[];
          readonly eligibility: readonly {
            readonly facilityId: string;
            readonly tier: number;
            readonly from: string;
            readonly to?: string;
          }[];
          readonly rebates: readonly {
            readonly kind: "volume" | "admin-fee" | "growth";
            readonly percent: string;
            readonly thresholdSpend?: string;
            readonly period: "quarterly" | "annual";
          }[];
          readonly activationAlignment?: "effective-date" | "fiscal-period";
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ContractsByIdVersionsByVersion: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly version: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ContractsByIdPropagation: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1ContractsByIdVersionsByVersionRelease: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly version: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly approvedBy: string;
          readonly reason: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1PricingEffectivePrice: {
    readonly parameters: {
      readonly query: {
        readonly item: string;
        readonly facility: string;
        readonly on?: string;
        /** @description Canonical unit of measure */
        readonly uom?:
          | "each"
          | "box"
          | "case"
          | "pack"
          | "carton"
          | "dozen"
          | "bag"
          | "kit"
          | "pair"
          | "roll"
          | "bottle"
          | "vial"
          | "tray"
          | "set"
          | "tube"
          | "can"
          | "piece"
          | "pound";
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Prices: {
    readonly parameters: {
      readonly query: {
        readonly item: string;
        readonly facility: string;
        readonly on?: string;
        /** @description Canonical unit of measure */
        readonly uom?:
          | "each"
          | "box"
          | "case"
          | "pack"
          | "carton"
          | "dozen"
          | "bag"
          | "kit"
          | "pair"
          | "roll"
          | "bottle"
          | "vial"
          | "tray"
          | "set"
          | "tube"
          | "can"
          | "piece"
          | "pound";
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1PricingChanges: {
    readonly parameters: {
      readonly query: {
        /** @description Changes released after this instant (RFC 3339, with a time zone) */
        readonly since: string;
        /** @description Items per page */
        readonly limit?: number;
        /** @description `next` from the previous page (opaque) */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ContractsByIdVersionsByVersionActivations: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly version: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1ContractsByIdVersionsByVersionActivationDecision: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly version: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly decision: "keep-old-price" | "activate-anyway";
          readonly decidedBy: string;
          readonly reason: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1FiscalCalendarPeriods: {
    readonly parameters: {
      readonly query?: {
        readonly fiscalYear?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DeliveriesById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Exceptions: {
    readonly parameters: {
      readonly query?: {
        readonly status?: "open" | "resolved";
        readonly subjectType?: string;
        readonly subjectId?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1PolicyViolations: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DeadLetters: {
    readonly parameters: {
      readonly query?: {
        /** @description Target system */
        readonly target?: string;
        /** @description Event type */
        readonly eventType?: string;
        readonly businessKey?: string;
        /** @description Dead for at least this many hours */
        readonly olderThanHours?: number;
        /** @description Items per page */
        readonly limit?: number;
        /** @description `next` from the previous page (opaque) */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DeadLettersById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1DeadLettersReplay: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly ids?: readonly number[];
          readonly target?: string;
          readonly businessKey?: string;
          readonly eventType?: string;
          /** @description Replay permanently failed deliveries too */
          readonly includeFailed?: boolean;
          /** @description Required to replay without any filter */
          readonly all?: boolean;
          /** @description Answer what would be replayed; change nothing */
          readonly dryRun?: boolean;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Events: {
    readonly parameters: {
      readonly query?: {
        /** @description Event type, e.g. contract.version-accepted */
        readonly type?: string;
        /** @description e.g. contract:ctr-1 */
        readonly businessKey?: string;
        readonly correlationId?: string;
        /** @description Written at or after this instant (RFC 3339) */
        readonly since?: string;
        /** @description Written before this instant (RFC 3339) */
        readonly until?: string;
        /** @description Items per page */
        readonly limit?: number;
        /** @description `next` from the previous page (opaque) */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1EventsById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1TracesByCorrelationId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly correlationId: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1InvoiceExceptions: {
    readonly parameters: {
      readonly query?: {
        readonly type?:
          | "price"
          | "quantity"
          | "uom"
          | "missing-receipt"
          | "off-contract"
          | "duplicate-invoice"
          | "unmatched-line"
          | "unsupported-document"
          | "duplicate";
        readonly urgency?: "financial" | "compliance" | "clinical";
        /** @description The owning queue */
        readonly owner?: string;
        readonly status?: "open" | "resolved";
        /** @description Raised at least this many hours ago */
        readonly olderThanHours?: number;
        /** @description Open past its SLA due time */
        readonly overdue?: boolean;
        /** @description Escalation level (0: still with its first owner) */
        readonly level?: number;
        /** @description Items per page */
        readonly limit?: number;
        /** @description `next` from the previous page (opaque) */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1InvoiceExceptionsByIdResolve: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          /** @description How it was resolved */
          readonly resolution:
            | "approve-as-invoiced"
            | "accept-variance"
            | "corrected-invoice"
            | "receipt-recorded"
            | "short-pay"
            | "credit-requested"
            | "rejected";
          /** @description Why, in words a person can audit */
          readonly reason: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1Receipts: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          /** @description Canonical receipts (src/model/schemas/receipt.ts); each is checked on its own */
          readonly receipts: readonly unknown[];
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1Payments: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          /** @description Canonical payments (src/model/schemas/payment.ts); each is checked on its own */
          readonly payments: readonly unknown[];
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1PurchaseOrders: {
    readonly parameters: {
      readonly query?: {
        /** @description The supplier's trading-partner system */
        readonly supplier?: string;
        /** @description The furthest stage its documents show */
        readonly status?:
          | "ordered"
          | "acknowledged"
          | "shipped"
          | "received"
          | "invoiced"
          | "paid"
          | "rejected"
          | "cancelled";
        /** @description Items per page */
        readonly limit?: number;
        /** @description `next` from the previous page (opaque) */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1PurchaseOrdersByIdStatus: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Requisitions: {
    readonly parameters: {
      readonly query?: {
        readonly status?:
          | "blocked"
          | "awaiting_approval"
          | "approved"
          | "rejected"
          | "ordered"
          | "confirmed"
          | "confirmed_with_exceptions";
        /** @description Page on: submittedAt of the last one seen */
        readonly before?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1Requisitions: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          /** @enum {string} */
          readonly kind: "requisition";
          readonly id: string;
          readonly facilityId: string;
          readonly costCenterId: string;
          readonly requester: string;
          readonly neededBy: string;
          readonly lines: readonly {
            readonly lineId: string;
            readonly itemId: string;
            readonly quantity: string;
            /** @description Canonical unit of measure */
            readonly uom:
              | "each"
              | "box"
              | "case"
              | "pack"
              | "carton"
              | "dozen"
              | "bag"
              | "kit"
              | "pair"
              | "roll"
              | "bottle"
              | "vial"
              | "tray"
              | "set"
              | "tube"
              | "can"
              | "piece"
              | "pound";
            readonly unitPrice?: string;
          }[];
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1RequisitionsById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1RequisitionsByIdApprovalsByKind: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly kind: "amount" | "clinical" | "off-contract";
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly decision: "approve" | "reject";
          readonly comment?: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ApprovalTasks: {
    readonly parameters: {
      readonly query?: {
        /** @description A role, e.g. department-head */
        readonly owner?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1CostCentersByIdBudgetsByFiscalYear: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly fiscalYear: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly putV1CostCentersByIdBudgetsByFiscalYear: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly fiscalYear: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly amount: string;
          /** @description ISO 4217 code */
          readonly currency?: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1SuppliersById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly putV1SuppliersById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly [key: string]: unknown;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ItemsById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly putV1ItemsById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly [key: string]: unknown;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1ImportsSuppliers: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly records: readonly unknown[];
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1ImportsItems: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        readonly "x-concord-system"?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly records: readonly unknown[];
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Suppliers: {
    readonly parameters: {
      readonly query?: {
        readonly name?: string;
        readonly taxId?: string;
        readonly gln?: string;
        readonly vendorNumber?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1SuppliersByIdPaymentReadiness: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1SuppliersByIdHistory: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1SuppliersOnboarding: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly supplierId?: string;
          readonly name: string;
          readonly address: {
            readonly line1: string;
            readonly line2?: string;
            readonly city: string;
            readonly region: string;
            readonly postalCode: string;
            readonly country: string;
          };
          readonly taxId: string;
          readonly w9: {
            readonly onFile: boolean;
            readonly documentRef?: string;
          };
          readonly bankAccount: {
            /** @description a 9-digit ABA routing number */
            readonly routingNumber: string;
            /** @description 4 to 17 digits */
            readonly accountNumber: string;
            readonly accountType: "checking" | "savings";
            readonly accountName?: string;
          };
          readonly insurance: {
            readonly certificateExpiresOn: string;
            readonly carrier?: string;
          };
          readonly contacts: readonly {
            readonly name: string;
            readonly email?: string;
            readonly phone?: string;
            readonly role?: string;
          }[];
          readonly duns?: string;
          readonly gln?: string;
          readonly paymentTermsNetDays?: number;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1SuppliersOnboardingById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1SuppliersOnboardingByIdApprovals: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly decision: "approve" | "reject";
          readonly comment?: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1InboundErpVendorNumbers: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          readonly REQUEST_REF: string;
          readonly VENDOR_NUM: string;
          readonly REQUEST_ID?: string;
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ExportsByKindCsv: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly kind: "suppliers" | "items" | "contract-prices";
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/csv": string;
        };
      };
    };
  };
  readonly getV1ExportsByKindFhirJson: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly kind: "suppliers" | "items";
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getV1ExportsContractPricesX12: {
    readonly parameters: {
      readonly query: {
        readonly partner: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/edi-x12": string;
        };
      };
    };
  };
  readonly getV1AuditVerify: {
    readonly parameters: {
      readonly query?: {
        readonly fromSeq?: number;
        readonly anchorSeq?: number;
        readonly anchorHash?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Audit: {
    readonly parameters: {
      readonly query?: {
        readonly after?: number;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Targets: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Consistency: {
    readonly parameters: {
      readonly query?: {
        readonly runId?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ConsistencyByRunIdFindings: {
    readonly parameters: {
      readonly query?: {
        readonly system?: string;
        readonly entityType?: "supplier" | "item" | "contract" | "contract-price";
        readonly kind?: "missing" | "extra" | "different" | "unreadable";
        readonly after?: number;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path: {
        readonly runId: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardProcesses: {
    readonly parameters: {
      readonly query?: {
        /** @description How far back from now: 15m, 24h, 7d (at most 90d) */
        readonly window?: string;
        /** @description One point of the series: 5m, 1h, 1d */
        readonly bucket?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardTargets: {
    readonly parameters: {
      readonly query?: {
        /** @description Attempts over this window: 15m, 1h, 1d */
        readonly window?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardFailures: {
    readonly parameters: {
      readonly query?: {
        readonly kind?: "dead-letter" | "exception";
        /** @description Target (dead letters) or system (exceptions) */
        readonly system?: string;
        /** @description Prefix of the event type or exception rule */
        readonly type?: string;
        readonly urgency?: "clinical" | "financial" | "compliance" | "routine";
        readonly olderThanHours?: number;
        readonly status?: "open" | "resolved";
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardFailuresDeadLetterById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardFailuresExceptionById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardViolations: {
    readonly parameters: {
      readonly query?: {
        /** @description How far back from now: 15m, 24h, 7d (at most 90d) */
        readonly window?: string;
        /** @description One point of the series: 5m, 1h, 1d */
        readonly bucket?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1Outcomes: {
    readonly parameters: {
      readonly query?: {
        /** @description How far back from now (at most 90d) */
        readonly window?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1DashboardStream: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ReconciliationRuns: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1ReconciliationRuns: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly "application/json": {
          /** @description Re-send what drifted through the outbox (default: the configuration's) */
          readonly heal?: boolean;
          readonly entityTypes?: readonly ("supplier" | "item" | "contract" | "contract-price")[];
        };
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly getV1ReconciliationRunsById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: number;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
        };
      };
    };
  };
  readonly postV1InboundX12: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** @description An X12 interchange (ISA … IEA), as the partner sent it */
    readonly requestBody: {
      readonly content: {
        readonly "application/edi-x12": string;
        readonly "application/edi-consent": string;
        readonly "text/plain": string;
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/json": unknown;
          readonly "application/edi-x12": string;
        };
      };
    };
  };
  readonly postV1InboundCxml: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** @description A cXML request */
    readonly requestBody: {
      readonly content: {
        readonly "text/xml": string;
        readonly "application/xml": string;
      };
    };
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description The body is larger than the hub accepts */
      readonly 413: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description The body's content type is not one this operation reads */
      readonly 415: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "text/xml": string;
        };
      };
    };
  };
  readonly getFhirR4Metadata: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getFhirR4OrganizationById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getFhirR4LocationById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getFhirR4DeviceById: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description No such resource */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getFhirR4Organization: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getFhirR4Location: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
  readonly getFhirR4Device: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description No credentials, or a key or token that is unknown, expired or revoked */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The client lacks the scope this operation needs, or may not act for the system it names */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Too many requests from this client; wait for Retry-After seconds */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description An unexpected error; it was logged and its text is never sent */
      readonly 500: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description The store is unreachable or the hub is draining or over its backlog; retry after Retry-After */
      readonly 503: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": components["schemas"]["OperationOutcome"];
        };
      };
      /** @description Success */
      readonly "2XX": {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly "application/fhir+json": unknown;
        };
      };
    };
  };
}
