/** CLM native records: an agreement-centric vocabulary that deliberately differs from Concord's. */
export type ClmPriceBasis = "ORDER_DATE" | "SHIP_DATE" | "INVOICE_DATE";
/** How an amendment's prices start: on its effective date, or at the buyer's next fiscal period start. */
export type ClmPriceActivation = "EFFECTIVE_DATE" | "FISCAL_PERIOD";
export type ClmIncentiveType = "VOLUME_REBATE" | "ADMIN_FEE" | "GROWTH_REBATE";

export interface ClmTier {
  tierCode: string;
  price: string;
}

export interface ClmPricingLine {
  lineRef: number;
  itemCode: string;
  uom: string;
  price: string;
  tiers: ClmTier[];
  validFrom: string | null;
  validTo: string | null;
}

export interface ClmSiteEligibility {
  siteCode: string;
  tierCode: string;
  eligibleFrom: string;
  eligibleTo: string | null;
}

export interface ClmIncentive {
  type: ClmIncentiveType;
  pct: string;
  spendThreshold: string | null;
  period: "QUARTERLY" | "ANNUAL";
}

/** A full agreement snapshot; every amendment produces a new one (amendmentNo 1 = the original). */
export interface ClmAgreement {
  agreementNo: string;
  amendmentNo: number;
  title: string;
  vendorCode: string;
  currencyCode: string;
  startDate: string;
  endDate: string;
  priceBasis: ClmPriceBasis;
  /** Of the amendment that made this snapshot; absent: on its effective date. */
  priceActivation?: ClmPriceActivation;
  pricing: ClmPricingLine[];
  sites: ClmSiteEligibility[];
  incentives: ClmIncentive[];
}

export interface ClmVendor {
  vendorCode: string;
  vendorName: string;
  dunsNo: string | null;
  vendorStatus: "APPROVED" | "PENDING" | "INACTIVE";
}

export interface ClmItem {
  itemCode: string;
  itemName: string;
  mfrName: string;
  mfrCatalogNo: string;
  unspscCode: string;
  defaultUom: string;
}

export interface ClmSite {
  siteCode: string;
  siteName: string;
  siteType: "HOSPITAL" | "CLINIC" | "ASC" | "WAREHOUSE";
}

export interface ClmState {
  vendors: ClmVendor[];
  items: ClmItem[];
  sites: ClmSite[];
  /** Latest amendment of each agreement at start (the original, amendmentNo 1). */
  agreements: ClmAgreement[];
}
