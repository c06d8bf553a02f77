import { type Issue, isIsoDate } from "../../model/index.js";
import { parseFhirId } from "./fhir-id.js";
import type { ImportedReference } from "./import-types.js";

type Ref = { reference?: string; identifier?: { system?: string; value?: string }; display?: string };

/** A reference as written, and the Concord record when it is `Type/<our fhir id>`. */
export function importReference(ref: Ref | undefined): ImportedReference | undefined {
  if (!ref) return undefined;
  const local = ref.reference ? /^[A-Za-z]+\/([A-Za-z0-9\-.]{1,64})$/.exec(ref.reference) : null;
  const parsed = local ? parseFhirId(local[1]!) : undefined;
  return {
    ...(ref.reference ? { reference: ref.reference } : {}),
    ...(ref.identifier ? { identifier: { ...ref.identifier } } : {}),
    ...(ref.display ? { display: ref.display } : {}),
    ...(parsed ? { concord: { kind: parsed.kind, id: parsed.canonicalId } } : {}),
  };
}

/** A FHIR date or dateTime as a calendar date; a time part is dropped with a warning. */
export function importDate(value: unknown, path: string, warnings: Issue[]): string | undefined {
  if (typeof value !== "string") return undefined;
  const date = value.slice(0, 10);
  if (!isIsoDate(date)) {
    warnings.push({
      path,
      rule: "fhir.date",
      message: `${JSON.stringify(value)} is not a full date (YYYY-MM-DD); ignored`,
    });
    return undefined;
  }
  if (value.length > 10) warnings.push({ path, rule: "fhir.date", message: `time of day in ${value} dropped` });
  return date;
}

export function importIdentifiers(ids: unknown): { system?: string; value: string }[] {
  return ((ids as { system?: string; value?: string }[] | undefined) ?? [])
    .filter((i) => typeof i.value === "string")
    .map((i) => ({ ...(i.system ? { system: i.system } : {}), value: i.value! }));
}
