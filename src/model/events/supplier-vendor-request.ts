import type { Supplier } from "../schemas/supplier.js";

/** The outbox event asking the ERP to create (or update) the vendor for an onboarded supplier. */
export const SUPPLIER_VENDOR_REQUESTED = "supplier.vendor-requested";

/**
 * Its payload. The tax id and bank account travel only as their last four digits: the event is
 * stored in the outbox in clear, and a sensitive value is never stored in clear.
 */
export interface SupplierVendorRequest {
  readonly onboardingId: string;
  readonly supplierId: string;
  /** Set when the supplier already has a vendor in the ERP (an update, e.g. a bank change). */
  readonly existingVendorNumber?: string;
  readonly name: string;
  readonly remitTo: Supplier["remitTo"];
  readonly paymentTermsNetDays: number;
  readonly taxIdLast4: string;
  readonly bankAccountLast4: string;
  readonly contacts: readonly { readonly name: string; readonly email?: string; readonly phone?: string }[];
}
