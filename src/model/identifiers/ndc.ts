/**
 * National Drug Code normalisation to the 11-digit 5-4-2 form used by X12 (qualifier N4) and
 * billing. The 10-digit forms (4-4-2, 5-3-2, 5-4-1) are padded by adding a 0 to the short segment.
 *
 * An unhyphenated 10-digit NDC is refused: without hyphens we cannot tell which segment is short,
 * and guessing maps a drug to a different product. The caller must get the labeler's hyphenated form.
 */
const HYPHENATED_RE = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/;

export function normalizeNdc(s: string): string {
  if (typeof s !== "string") throw new Error(`invalid NDC ${JSON.stringify(s)}: expected a string`);
  if (/^\d{11}$/.test(s)) return s;
  if (/^\d{10}$/.test(s)) {
    throw new Error(
      `ambiguous NDC "${s}": 10 digits without hyphens could be 4-4-2, 5-3-2 or 5-4-1; send it hyphenated or as 11 digits`,
    );
  }
  const m = HYPHENATED_RE.exec(s);
  if (m) {
    const [labeler, product, pkg] = [m[1]!, m[2]!, m[3]!];
    const shape = `${labeler.length}-${product.length}-${pkg.length}`;
    if (shape === "5-4-2" || shape === "4-4-2" || shape === "5-3-2" || shape === "5-4-1") {
      return labeler.padStart(5, "0") + product.padStart(4, "0") + pkg.padStart(2, "0");
    }
  }
  throw new Error(`invalid NDC ${JSON.stringify(s)}: expected 4-4-2, 5-3-2, 5-4-1 or 5-4-2 with hyphens, or 11 digits`);
}

/** 11-digit NDC as "LLLLL-PPPP-KK" for display and FHIR codings. */
export function formatNdc11(ndc11: string): string {
  const normalized = normalizeNdc(ndc11);
  return `${normalized.slice(0, 5)}-${normalized.slice(5, 9)}-${normalized.slice(9)}`;
}
