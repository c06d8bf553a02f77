/** ERP native records: upper-snake column names, as its purchasing tables expose them. */
export interface ErpBlanketLine {
  LINE_NUM: number;
  ITEM_NUMBER: string;
  UOM_CODE: string;
  UNIT_PRICE: string;
  PRICE_BREAKS: { TIER: number; PRICE: string }[];
  START_DATE: string | null;
  END_DATE: string | null;
}

export interface ErpOrgAssignment {
  ORG_CODE: string;
  TIER: number;
  START_DATE: string;
  END_DATE: string | null;
}

/** The body of `POST /purchasing/blanket-agreements`. */
export interface ErpBlanketAgreement {
  AGREEMENT_NUM: string;
  REVISION_NUM: number;
  VENDOR_NUM: string;
  CURRENCY_CODE: string;
  START_DATE: string;
  END_DATE: string;
  LINES: ErpBlanketLine[];
  ORG_ASSIGNMENTS: ErpOrgAssignment[];
}

export interface ErpVendor {
  VENDOR_NUM: string;
  VENDOR_NAME: string;
  DUNS_NUMBER: string | null;
  PAYMENT_TERMS: string;
  ENABLED_FLAG: "Y" | "N";
}

export interface ErpItem {
  ITEM_NUMBER: string;
  DESCRIPTION: string;
  PRIMARY_UOM_CODE: string;
  UNSPSC_CODE: string;
  MFR_NAME: string;
  MFR_PART_NUM: string;
  ITEM_STATUS: "Active" | "Inactive";
}

export interface ErpOrg {
  ORG_CODE: string;
  ORG_NAME: string;
  ORG_TYPE: "HOSPITAL" | "CLINIC" | "ASC" | "DC";
  TIME_ZONE: string;
}

export interface ErpCostCenter {
  ORG_CODE: string;
  COST_CENTER: string;
  DESCRIPTION: string;
}

export interface ErpState {
  vendors: ErpVendor[];
  items: ErpItem[];
  orgs: ErpOrg[];
  costCenters: ErpCostCenter[];
  /** Blanket agreements already applied at start (empty unless generated with preloadTargets). */
  blanketAgreements: ErpBlanketAgreement[];
}
