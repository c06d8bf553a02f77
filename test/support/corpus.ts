import { fileURLToPath } from "node:url";

/**
 * The conformance corpus: real public X12, cXML and FHIR documents, copied byte for byte with
 * their sources and licences (test/corpus/SOURCES.md; test data, never shipped). Kept in the
 * repository so a fresh clone's CI reads exactly what the codecs are tested against.
 */
export function corpusDir(kind: "x12" | "cxml" | "fhir"): string {
  return fileURLToPath(new URL(`../corpus/${kind}/`, import.meta.url));
}
