import type { Issue, ItemRef, Party, Uom } from "../../model/index.js";

/** A reference as the sender wrote it, plus the Concord record it names when it is one of ours. */
export interface ImportedReference {
  readonly reference?: string;
  readonly identifier?: { readonly system?: string; readonly value?: string };
  readonly display?: string;
  readonly concord?: { readonly kind: string; readonly id: string };
}

export interface ImportedOrganization {
  readonly kind: "organization";
  /** From Organization.type: `bus` → supplier, `prov` → facility; else from Concord's own id system. */
  readonly role: "supplier" | "facility" | "unknown";
  /** As a trade party: its identifiers for intake to resolve through the cross-reference table. */
  readonly party: Party;
  readonly active?: boolean;
}

export interface ImportedDevice {
  readonly kind: "device";
  readonly item: ItemRef;
  readonly lot?: string;
  readonly serial?: string;
  readonly expiresOn?: string;
  readonly udi?: { readonly deviceIdentifier?: string; readonly issuer?: string; readonly carrierHRF?: string };
  readonly status?: string;
  readonly manufacturer?: string;
}

export interface ImportedSupplyRequest {
  readonly kind: "supply-request";
  readonly identifiers: readonly { readonly system?: string; readonly value: string }[];
  readonly status?: string;
  readonly item: ItemRef;
  readonly quantity: string;
  readonly uom?: Uom;
  readonly neededBy?: string;
  readonly authoredOn?: string;
  readonly requester?: ImportedReference;
  readonly suppliers: readonly ImportedReference[];
  readonly deliverTo?: ImportedReference;
  readonly deliverFrom?: ImportedReference;
}

export interface ImportedSupplyDelivery {
  readonly kind: "supply-delivery";
  readonly identifiers: readonly { readonly system?: string; readonly value: string }[];
  readonly status?: string;
  readonly basedOn: readonly ImportedReference[];
  readonly item?: ItemRef;
  readonly quantity?: string;
  readonly uom?: Uom;
  readonly occurredOn?: string;
  readonly supplier?: ImportedReference;
  readonly destination?: ImportedReference;
}

export type ImportedValue = ImportedOrganization | ImportedDevice | ImportedSupplyRequest | ImportedSupplyDelivery;

/**
 * What reading one FHIR resource gives: a mapped value with warnings (quirks, check digits), a
 * resource Concord deliberately does not model (with the reason), or a refusal with the issues.
 */
export type FhirImportResult =
  | {
      readonly status: "mapped";
      readonly resourceType: string;
      readonly id?: string;
      readonly value: ImportedValue;
      readonly warnings: readonly Issue[];
    }
  | { readonly status: "not-modelled"; readonly resourceType: string; readonly id?: string; readonly reason: string }
  | { readonly status: "invalid"; readonly resourceType?: string; readonly issues: readonly Issue[] };
