import type { Facility, Party, PurchasingEntity, Supplier } from "../../model/index.js";
import { canonicalAddress, literalReference, partyIdentifier, requireFhirId, tradeAddress } from "./fhir-references.js";
import { CodeSystems, FhirSystems } from "./fhir-systems.js";
import { concordIdSystem } from "./item-codes.js";
import type { Identifier, Location, Organization } from "./r4-resources.js";

const orgType = (code: "bus" | "prov", display: string) => [
  { coding: [{ system: CodeSystems.organizationType, code, display }] },
];

/** A supplier as an Organization of type `bus`: DUNS and GLN identifiers, the remit-to address as billing. */
export function supplierToOrganization(s: Supplier): Organization {
  const identifier: Identifier[] = [{ system: concordIdSystem("supplier"), value: s.id }];
  if (s.duns) identifier.push({ system: FhirSystems.duns, value: s.duns });
  if (s.gln) identifier.push({ system: FhirSystems.gln, value: s.gln });
  return {
    resourceType: "Organization",
    id: requireFhirId("supplier", s.id),
    identifier,
    active: s.status === "active",
    type: orgType("bus", "Non-Healthcare Business"),
    name: s.name,
    address: [canonicalAddress(s.remitTo, "billing")],
  };
}

/** A facility as a provider Organization, part of its purchasing entity (the IDN). */
export function facilityToOrganization(f: Facility): Organization {
  return {
    resourceType: "Organization",
    id: requireFhirId("facility", f.id),
    identifier: facilityIdentifiers(f),
    active: true,
    type: orgType("prov", "Healthcare Provider"),
    name: f.name,
    address: [canonicalAddress(f.address, "work")],
    partOf: literalReference("Organization", "purchasing-entity", f.purchasingEntityId),
  };
}

export function purchasingEntityToOrganization(pe: PurchasingEntity): Organization {
  return {
    resourceType: "Organization",
    id: requireFhirId("purchasing-entity", pe.id),
    identifier: [{ system: concordIdSystem("purchasing-entity"), value: pe.id }],
    active: true,
    type: orgType("prov", "Healthcare Provider"),
    name: pe.name,
    ...(pe.gpo ? { alias: [pe.gpo] } : {}),
  };
}

/** The facility's site: the physical place goods are delivered to, managed by the facility's Organization. */
export function facilityToLocation(f: Facility): Location {
  return {
    resourceType: "Location",
    id: requireFhirId("facility", f.id),
    identifier: facilityIdentifiers(f),
    status: "active",
    name: f.name,
    mode: "instance",
    address: canonicalAddress(f.address, "work"),
    physicalType: { coding: [{ system: CodeSystems.locationPhysicalType, code: "bu", display: "Building" }] },
    managingOrganization: literalReference("Organization", "facility", f.id, f.name),
  };
}

function facilityIdentifiers(f: Facility): Identifier[] {
  const identifier: Identifier[] = [{ system: concordIdSystem("facility"), value: f.id }];
  if (f.gln) identifier.push({ system: FhirSystems.gln, value: f.gln });
  if (f.hin) identifier.push({ system: FhirSystems.hin, value: f.hin });
  return identifier;
}

/**
 * A trade party (from an order or ship notice) as an Organization without an id: it is not a
 * Concord record yet. Tax ids are written only when asked for (`includeTaxId`), since the
 * resource may leave the hub.
 */
export function partyToOrganization(p: Party, opts: { readonly includeTaxId?: boolean } = {}): Organization {
  const identifier = p.ids
    .filter((i) => i.scheme !== "tin" || opts.includeTaxId === true)
    .map(partyIdentifier)
    .filter((i): i is Identifier => i !== undefined);
  return {
    resourceType: "Organization",
    ...(identifier.length > 0 ? { identifier } : {}),
    ...(p.name ? { name: p.name } : {}),
    ...(p.address ? { address: [tradeAddress(p.address)] } : {}),
  };
}
