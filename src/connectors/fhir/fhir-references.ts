import type { Party, PartyId, Supplier, TradeAddress } from "../../model/index.js";
import { type FhirIdKind, fhirId } from "./fhir-id.js";
import { FhirSystems } from "./fhir-systems.js";
import type { Identifier, Reference } from "./r4-resources.js";

/** A FHIR id for a canonical record; throws when the id cannot be one (it is longer than FHIR allows). */
export function requireFhirId(kind: FhirIdKind, canonicalId: string): string {
  const id = fhirId(kind, canonicalId);
  if (id === undefined) throw new Error(`${kind} id ${JSON.stringify(canonicalId)} cannot be written as a FHIR id`);
  return id;
}

export function literalReference(
  type: "Organization" | "Location" | "Device",
  kind: FhirIdKind,
  canonicalId: string,
  display?: string,
): Reference {
  return { reference: `${type}/${requireFhirId(kind, canonicalId)}`, ...(display ? { display } : {}) };
}

/** Party id schemes that have a FHIR identifier system; `tin` also carries the v2 TAX type. */
export function partyIdentifier(id: PartyId): Identifier | undefined {
  switch (id.scheme) {
    case "gln":
      return { system: FhirSystems.gln, value: id.value };
    case "duns":
      return { system: FhirSystems.duns, value: id.value };
    case "hin":
      return { system: FhirSystems.hin, value: id.value };
    case "tin":
      return {
        type: {
          coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "TAX", display: "Tax ID number" }],
        },
        system: FhirSystems.tin,
        value: id.value,
      };
    default:
      return undefined;
  }
}

/**
 * A trade party as a logical reference: the partner's own id (GLN first, then DUNS, HIN) and
 * name. Trade parties are not Concord records until intake resolves them, so there is no
 * literal `Organization/<id>` to point at. Tax ids are never used here: a reference is shown
 * wherever the resource goes.
 */
export function partyReference(party: Party | undefined, type: "Organization" | "Location"): Reference | undefined {
  if (!party) return undefined;
  const ranked = ["gln", "duns", "hin"] as const;
  const best = ranked.map((s) => party.ids.find((i) => i.scheme === s)).find((i) => i !== undefined);
  const identifier = best ? partyIdentifier(best) : undefined;
  if (!identifier && !party.name) return undefined;
  return { type, ...(identifier ? { identifier } : {}), ...(party.name ? { display: party.name } : {}) };
}

export function canonicalAddress(a: Supplier["remitTo"], use: "work" | "billing") {
  return {
    use,
    type: "both" as const,
    line: [a.line1, ...(a.line2 ? [a.line2] : [])],
    city: a.city,
    state: a.region,
    postalCode: a.postalCode,
    country: a.country,
  };
}

export function tradeAddress(a: TradeAddress) {
  return {
    ...(a.lines.length > 0 ? { line: [...a.lines] } : {}),
    ...(a.city ? { city: a.city } : {}),
    ...(a.region ? { state: a.region } : {}),
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    ...(a.country ? { country: a.country } : {}),
  };
}
