import { type TSchema, Type } from "@sinclair/typebox";
import { ClmAgreementEventSchema } from "../connectors/clm-agreements/native-schema.js";

/**
 * What an export record must look like before it is mapped: the fields reconciliation reads, with
 * their types. Lenient about extra fields (a system adding a column is not drift), strict about
 * the shape, so a broken record is reported as unreadable rather than compared as empty.
 */
const Text = Type.String({ minLength: 1 });
const OptText = Type.Union([Type.String(), Type.Null()]);
const Decimal = Type.String({ pattern: "^-?\\d{1,14}(\\.\\d{1,6})?$" });
const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const OptDay = Type.Optional(Type.Union([Day, Type.Null()]));
const Int = Type.Integer();

const clmVendor = Type.Object({ vendorCode: Text, vendorName: Text, dunsNo: OptText, vendorStatus: Text });
const clmItem = Type.Object({
  itemCode: Text,
  itemName: Text,
  mfrName: Text,
  mfrCatalogNo: Text,
  unspscCode: Text,
});
const procurementSupplier = Type.Object({
  supplierNumber: Text,
  legalName: Text,
  duns: OptText,
  paymentTerms: Text,
  onboardingStatus: Text,
});
const procurementItem = Type.Object({
  catalogItemId: Text,
  shortText: Text,
  manufacturer: Text,
  manufacturerPartNumber: Text,
  unspsc: Text,
});
const Money = Type.Object({ amount: Decimal, currency: Text });
const procurementCatalog = Type.Object({
  contractRef: Text,
  revision: Int,
  supplierNumber: Text,
  currency: Text,
  validFrom: Day,
  validTo: Day,
  lines: Type.Array(
    Type.Object({
      catalogItemId: Text,
      unitOfMeasure: Text,
      price: Money,
      tierPrices: Type.Optional(Type.Array(Type.Object({ tier: Int, price: Money }))),
      validFrom: OptDay,
      validTo: OptDay,
    }),
  ),
  eligibleShipTos: Type.Array(Type.Object({ shipToCode: Text, tier: Int, from: Day, to: OptDay })),
});
const erpVendor = Type.Object({
  VENDOR_NUM: Text,
  VENDOR_NAME: Text,
  DUNS_NUMBER: OptText,
  PAYMENT_TERMS: Text,
  ENABLED_FLAG: Text,
});
const erpItem = Type.Object({
  ITEM_NUMBER: Text,
  DESCRIPTION: Text,
  PRIMARY_UOM_CODE: Text,
  UNSPSC_CODE: Text,
  MFR_NAME: Text,
  MFR_PART_NUM: Text,
  ITEM_STATUS: Text,
});
const erpAgreement = Type.Object({
  AGREEMENT_NUM: Text,
  REVISION_NUM: Int,
  VENDOR_NUM: Text,
  CURRENCY_CODE: Text,
  START_DATE: Day,
  END_DATE: Day,
  LINES: Type.Array(
    Type.Object({
      LINE_NUM: Int,
      ITEM_NUMBER: Text,
      UOM_CODE: Text,
      UNIT_PRICE: Decimal,
      PRICE_BREAKS: Type.Array(Type.Object({ TIER: Int, PRICE: Decimal })),
      START_DATE: OptDay,
      END_DATE: OptDay,
    }),
  ),
  ORG_ASSIGNMENTS: Type.Array(Type.Object({ ORG_CODE: Text, TIER: Int, START_DATE: Day, END_DATE: OptDay })),
});

export const NATIVE_RECORD_SCHEMAS = {
  clm: { supplier: clmVendor, item: clmItem, contract: ClmAgreementEventSchema.properties.agreement as TSchema },
  procurement: { supplier: procurementSupplier, item: procurementItem, contract: procurementCatalog },
  erp: { supplier: erpVendor, item: erpItem, contract: erpAgreement },
} as const;
