import { compileMapping } from "../../mapping/index.js";

/** CLM vendors and items read back into canonical form (agreements use clmAgreementMapping). */
export const clmVendorInbound = compileMapping({
  name: "clm.vendor.inbound",
  version: 1,
  fields: {
    id: { path: "vendorCode", xref: "supplier" },
    name: "vendorName",
    duns: "dunsNo",
    status: { path: "vendorStatus", codes: { APPROVED: "active", PENDING: "onboarding", INACTIVE: "inactive" } },
  },
});

export const clmItemInbound = compileMapping({
  name: "clm.item.inbound",
  version: 1,
  fields: {
    id: { path: "itemCode", xref: "item" },
    description: "itemName",
    manufacturerName: "mfrName",
    manufacturerPartNo: "mfrCatalogNo",
    unspsc: "unspscCode",
  },
});
