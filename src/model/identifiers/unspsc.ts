/** UNSPSC segments that matter to a health system's spend (DOMAIN.md §3). */
export const UNSPSC_SEGMENTS = {
  medicalEquipment: "42",
  drugs: "51",
  laboratory: "41",
} as const;

export interface Unspsc {
  readonly segment: string;
  readonly family: string;
  readonly class: string;
  readonly commodity: string;
}

/**
 * 8 digits, four 2-digit levels. Segment "00" does not exist (segments start at 10), which also
 * catches zero-filled placeholders partners send when they have no code.
 */
const UNSPSC_RE = /^(\d{2})(\d{2})(\d{2})(\d{2})$/;

export function isValidUnspsc(s: string): boolean {
  const m = typeof s === "string" ? UNSPSC_RE.exec(s) : null;
  return m !== null && Number(m[1]) >= 10;
}

/** Splits a UNSPSC code into its levels; throws on anything else (the cXML corpus carries "ean1234"). */
export function parseUnspsc(s: string): Unspsc {
  const m = typeof s === "string" ? UNSPSC_RE.exec(s) : null;
  if (!m || Number(m[1]) < 10) {
    throw new Error(`invalid UNSPSC code ${JSON.stringify(s)}: expected 8 digits (segment 10-99)`);
  }
  return { segment: m[1]!, family: m[2]!, class: m[3]!, commodity: m[4]! };
}
