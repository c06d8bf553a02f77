/**
 * FHIR resource ids allow only `[A-Za-z0-9-.]{1,64}`; canonical ids also allow `_`, `:` and `/`.
 * A FHIR id is `<kind>-<encoded canonical id>`, where every character outside `[A-Za-z0-9-]` is
 * written `.HH` (its hex code), so the mapping is reversible and ids from different kinds (a
 * supplier and a facility may share a canonical id) never collide. `sup-acme.5Fmed` ↔ supplier `acme_med`.
 */
export const FHIR_ID_KINDS = { supplier: "sup", facility: "fac", "purchasing-entity": "pe", item: "item" } as const;
export type FhirIdKind = keyof typeof FHIR_ID_KINDS;

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** fhirId("supplier", "acme_med") → "sup-acme.5Fmed"; undefined when the result would exceed 64 characters. */
export function fhirId(kind: FhirIdKind, canonicalId: string): string | undefined {
  let encoded = "";
  for (const ch of canonicalId) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80) return undefined; // canonical ids are ASCII; anything else cannot be a FHIR id
    encoded += /[A-Za-z0-9-]/.test(ch) ? ch : `.${code.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  const id = `${FHIR_ID_KINDS[kind]}-${encoded}`;
  return canonicalId !== "" && FHIR_ID.test(id) ? id : undefined;
}

/** The inverse of fhirId: which canonical record a FHIR id names, or undefined for a foreign id. */
export function parseFhirId(id: string): { readonly kind: FhirIdKind; readonly canonicalId: string } | undefined {
  if (!FHIR_ID.test(id)) return undefined;
  const dash = id.indexOf("-");
  if (dash < 0) return undefined;
  const prefix = id.slice(0, dash);
  const kind = (Object.keys(FHIR_ID_KINDS) as FhirIdKind[]).find((k) => FHIR_ID_KINDS[k] === prefix);
  if (!kind) return undefined;
  const body = id.slice(dash + 1);
  if (!/^([A-Za-z0-9-]|\.[0-9A-F]{2})+$/.test(body)) return undefined;
  const canonicalId = body.replace(/\.([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return fhirId(kind, canonicalId) === id ? { kind, canonicalId } : undefined;
}
