import type { SupplierVendorRequest } from "../../model/events/supplier-vendor-request.js";

/**
 * A supplier onboarding's vendor request in the ERP's native vendor-request form (upper-snake
 * columns, terms as "NET30"). REQUEST_REF carries the onboarding id: the ERP echoes it with the
 * vendor number it assigns, which is how the number finds its onboarding.
 */
export function erpVendorRequestBody(v: SupplierVendorRequest): Record<string, unknown> {
  return {
    REQUEST_REF: v.onboardingId,
    VENDOR_NAME: v.name,
    ...(v.existingVendorNumber ? { EXISTING_VENDOR_NUM: v.existingVendorNumber } : {}),
    ADDRESS_LINE1: v.remitTo.line1,
    ...(v.remitTo.line2 ? { ADDRESS_LINE2: v.remitTo.line2 } : {}),
    CITY: v.remitTo.city,
    STATE: v.remitTo.region,
    POSTAL_CODE: v.remitTo.postalCode,
    COUNTRY: v.remitTo.country,
    PAYMENT_TERMS: `NET${v.paymentTermsNetDays}`,
    TAX_ID_LAST4: v.taxIdLast4,
    BANK_ACCOUNT_LAST4: v.bankAccountLast4,
    CONTACTS: v.contacts.map((c) => ({
      NAME: c.name,
      ...(c.email ? { EMAIL: c.email } : {}),
      ...(c.phone ? { PHONE: c.phone } : {}),
    })),
  };
}
