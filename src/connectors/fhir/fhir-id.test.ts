import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FHIR_ID_KINDS, type FhirIdKind, fhirId, parseFhirId } from "./fhir-id.js";

const canonicalId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,30}$/);
const kind = fc.constantFrom(...(Object.keys(FHIR_ID_KINDS) as FhirIdKind[]));

describe("FHIR ids for canonical records", () => {
  it("are valid FHIR ids and lead back to the same record", () => {
    fc.assert(
      fc.property(kind, canonicalId, (k, id) => {
        const f = fhirId(k, id);
        expect(f).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
        expect(parseFhirId(f!)).toEqual({ kind: k, canonicalId: id });
      }),
    );
  });

  it("never collide across kinds or ids", () => {
    fc.assert(
      fc.property(kind, canonicalId, kind, canonicalId, (k1, a, k2, b) => {
        fc.pre(k1 !== k2 || a !== b);
        expect(fhirId(k1, a)).not.toBe(fhirId(k2, b));
      }),
    );
  });

  it("refuse what cannot be a FHIR id and ids that are not Concord's", () => {
    expect(fhirId("supplier", "x".repeat(64))).toBeUndefined();
    expect(fhirId("supplier", "")).toBeUndefined();
    expect(parseFhirId("example-udi1")).toBeUndefined();
    expect(parseFhirId("sup-a.5f")).toBeUndefined();
    expect(parseFhirId("sup-a_b")).toBeUndefined();
  });
});
