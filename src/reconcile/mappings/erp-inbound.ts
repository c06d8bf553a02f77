import { compileMapping } from "../../mapping/index.js";
import { netDays } from "./net-days.js";

/**
 * The ERP's records read back into canonical form: the mirror of erpBlanketAgreementMapping
 * (src/connectors/erp-purchasing).
 */
export const erpBlanketAgreementInbound = compileMapping({
  name: "erp.blanket-agreement.inbound",
  version: 1,
  fields: {
    number: "AGREEMENT_NUM",
    version: "REVISION_NUM",
    supplierId: { path: "VENDOR_NUM", xref: "supplier" },
    currency: "CURRENCY_CODE",
    effectiveFrom: "START_DATE",
    expiresOn: "END_DATE",
    priceLines: {
      each: "LINES",
      fields: {
        lineNo: "LINE_NUM",
        itemId: { path: "ITEM_NUMBER", xref: "item" },
        uom: { path: "UOM_CODE", transform: "x12-uom-to-canonical" },
        unitPrice: { path: "UNIT_PRICE", transform: "decimal" },
        tierPrices: {
          each: "PRICE_BREAKS",
          fields: { tier: "TIER", unitPrice: { path: "PRICE", transform: "decimal" } },
        },
        effectiveFrom: { path: "START_DATE", omitIfAbsent: true },
        expiresOn: { path: "END_DATE", omitIfAbsent: true },
      },
    },
    eligibility: {
      each: "ORG_ASSIGNMENTS",
      fields: {
        facilityId: { path: "ORG_CODE", xref: "facility" },
        tier: "TIER",
        from: "START_DATE",
        to: { path: "END_DATE", omitIfAbsent: true },
      },
    },
  },
});

/** ERP vendors keep names upper-case and know only enabled or not; views compare at that grain. */
export const erpVendorInbound = compileMapping({
  name: "erp.vendor.inbound",
  version: 1,
  fields: {
    id: { path: "VENDOR_NUM", xref: "supplier" },
    name: "VENDOR_NAME",
    duns: "DUNS_NUMBER",
    paymentTermsNetDays: { compute: (src) => netDays((src as { PAYMENT_TERMS?: unknown }).PAYMENT_TERMS) },
    enabled: { path: "ENABLED_FLAG", codes: { Y: true, N: false } },
  },
});

export const erpItemInbound = compileMapping({
  name: "erp.item.inbound",
  version: 1,
  fields: {
    id: { path: "ITEM_NUMBER", xref: "item" },
    description: "DESCRIPTION",
    manufacturerName: "MFR_NAME",
    manufacturerPartNo: "MFR_PART_NUM",
    unspsc: "UNSPSC_CODE",
    baseUom: { path: "PRIMARY_UOM_CODE", transform: "x12-uom-to-canonical" },
    status: { path: "ITEM_STATUS", codes: { Active: "active", Inactive: "inactive" } },
  },
});
