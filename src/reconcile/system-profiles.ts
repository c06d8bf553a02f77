import { clmAgreementMapping } from "../connectors/clm-agreements/index.js";
import type { CompiledMapping } from "../mapping/index.js";
import { clmItemInbound, clmVendorInbound } from "./mappings/clm-inbound.js";
import { erpBlanketAgreementInbound, erpItemInbound, erpVendorInbound } from "./mappings/erp-inbound.js";
import {
  procurementCatalogInbound,
  procurementItemInbound,
  procurementSupplierInbound,
} from "./mappings/procurement-inbound.js";
import { NATIVE_RECORD_SCHEMAS } from "./native-record-schemas.js";
import type { ExportPaging } from "./read-export-pages.js";
import type { SystemKind } from "./reconcile-types.js";

/** The record kinds a system exports: its master records and its contract documents. */
export type ExportedKind = "supplier" | "item" | "contract";

export interface ExportProfile {
  /** Below the system's API root. */
  readonly path: string;
  /** The native field that keys (and orders) the export. */
  readonly keyField: string;
  readonly mapping: CompiledMapping<unknown, Record<string, unknown>>;
  /** Wraps the native record into what the mapping reads (the CLM mapping reads a webhook event). */
  readonly source?: (record: unknown) => unknown;
}

export interface SystemProfile {
  readonly paging: ExportPaging;
  readonly exports: Readonly<Record<ExportedKind, ExportProfile>>;
}

const as = (m: CompiledMapping<never, Record<string, unknown>>) =>
  m as CompiledMapping<unknown, Record<string, unknown>>;

/** Where each kind of system keeps its exports and how its records read back into canonical form. */
export const SYSTEM_PROFILES: Readonly<Record<SystemKind, SystemProfile>> = {
  clm: {
    paging: { after: "cursor", limit: "pageSize" },
    exports: {
      supplier: { path: "/exports/vendors", keyField: "vendorCode", mapping: as(clmVendorInbound) },
      item: { path: "/exports/items", keyField: "itemCode", mapping: as(clmItemInbound) },
      contract: {
        path: "/exports/agreements",
        keyField: "agreementNo",
        mapping: as(clmAgreementMapping),
        source: (agreement) => ({ agreement }),
      },
    },
  },
  procurement: {
    paging: { after: "after", limit: "limit" },
    exports: {
      supplier: { path: "/exports/suppliers", keyField: "supplierNumber", mapping: as(procurementSupplierInbound) },
      item: { path: "/exports/catalog-items", keyField: "catalogItemId", mapping: as(procurementItemInbound) },
      contract: { path: "/exports/contract-catalogs", keyField: "contractRef", mapping: as(procurementCatalogInbound) },
    },
  },
  erp: {
    paging: { after: "AFTER", limit: "LIMIT" },
    exports: {
      supplier: { path: "/exports/vendors", keyField: "VENDOR_NUM", mapping: as(erpVendorInbound) },
      item: { path: "/exports/items", keyField: "ITEM_NUMBER", mapping: as(erpItemInbound) },
      contract: {
        path: "/exports/blanket-agreements",
        keyField: "AGREEMENT_NUM",
        mapping: as(erpBlanketAgreementInbound),
      },
    },
  },
};

export const recordSchema = (kind: SystemKind, exported: ExportedKind) => NATIVE_RECORD_SCHEMAS[kind][exported];
