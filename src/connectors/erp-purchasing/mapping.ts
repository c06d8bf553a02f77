import { compileMapping } from "../../mapping/index.js";

/** Canonical contract version → the ERP's blanket purchase agreement (Oracle-style upper-case fields). */
export const erpBlanketAgreementMapping = compileMapping({
  name: "erp.blanket-agreement",
  version: 1,
  fields: {
    AGREEMENT_NUM: "contract.number",
    REVISION_NUM: "contract.version",
    VENDOR_NUM: { path: "contract.supplierId", xref: "supplier" },
    CURRENCY_CODE: "contract.currency",
    START_DATE: "contract.effectiveFrom",
    END_DATE: "contract.expiresOn",
    LINES: {
      each: "contract.priceLines",
      fields: {
        LINE_NUM: "lineNo",
        ITEM_NUMBER: { path: "itemId", xref: "item" },
        UOM_CODE: { path: "uom", transform: "canonical-to-x12-uom" },
        UNIT_PRICE: "unitPrice",
        PRICE_BREAKS: { each: "tierPrices", fields: { TIER: "tier", PRICE: "unitPrice" } },
        START_DATE: "effectiveFrom",
        END_DATE: "expiresOn",
      },
    },
    ORG_ASSIGNMENTS: {
      each: "contract.eligibility",
      fields: {
        ORG_CODE: { path: "facilityId", xref: "facility" },
        TIER: "tier",
        START_DATE: "from",
        END_DATE: "to",
      },
    },
  },
});
