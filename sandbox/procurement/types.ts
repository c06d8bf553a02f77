/** Procurement-suite native records: catalog-centric, money as { amount, currency } objects. */
export interface Money {
  amount: string;
  currency: string;
}

export interface ProcurementCatalogLine {
  catalogItemId: string;
  unitOfMeasure: string;
  price: Money;
  tierPrices: { tier: number; price: Money }[];
  validFrom: string | null;
  validTo: string | null;
}

export interface ProcurementShipToEligibility {
  shipToCode: string;
  tier: number;
  from: string;
  to: string | null;
}

/** The body of `PUT /contract-catalogs/:contractRef`, and the applied state GET returns. */
export interface ContractCatalog {
  contractRef: string;
  revision: number;
  supplierNumber: string;
  currency: string;
  validFrom: string;
  validTo: string;
  lines: ProcurementCatalogLine[];
  eligibleShipTos: ProcurementShipToEligibility[];
}

export interface ProcurementSupplier {
  supplierNumber: string;
  legalName: string;
  duns: string | null;
  paymentTerms: string;
  onboardingStatus: "QUALIFIED" | "IN_PROGRESS" | "BLOCKED";
}

export interface ProcurementCatalogItem {
  catalogItemId: string;
  shortText: string;
  manufacturer: string;
  manufacturerPartNumber: string;
  gtin: string | null;
  unspsc: string;
  orderUnit: string;
  /** Base units (eaches) in one order unit. */
  contentQuantity: number;
}

export interface ProcurementShipTo {
  shipToCode: string;
  name: string;
  street: string;
  city: string;
  state: string;
  zip: string;
}

export interface ProcurementState {
  suppliers: ProcurementSupplier[];
  catalogItems: ProcurementCatalogItem[];
  shipTos: ProcurementShipTo[];
  /** Contract catalogs already applied at start (empty unless generated with preloadTargets). */
  contractCatalogs: ContractCatalog[];
}
