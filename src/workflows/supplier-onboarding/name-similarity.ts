/**
 * Name and address comparison for exclusion screening and duplicate-vendor detection: normalise
 * (case, punctuation, legal-form suffixes, common street abbreviations), then compare the sets of
 * character trigrams (Jaccard, as pg_trgm's similarity()). Trigrams tolerate typos, plurals and
 * re-ordered words ("Acme Medical Supply Inc" vs "ACME MEDICAL SUPPLIES, LLC" scores 0.75) without a
 * dictionary, and run the same in every store.
 */

// Legal forms say nothing about who the party is; "Acme Inc" and "Acme LLC" are the same name here.
const LEGAL_FORMS = new Set([
  "INC",
  "INCORPORATED",
  "LLC",
  "LLP",
  "LP",
  "LTD",
  "LIMITED",
  "CORP",
  "CORPORATION",
  "CO",
  "COMPANY",
  "PC",
  "PLLC",
  "PA",
  "THE",
  "AND",
  "OF",
  "DBA",
]);

const STREET_WORDS: Readonly<Record<string, string>> = {
  STREET: "ST",
  AVENUE: "AVE",
  ROAD: "RD",
  BOULEVARD: "BLVD",
  DRIVE: "DR",
  SUITE: "STE",
  LANE: "LN",
  PARKWAY: "PKWY",
  HIGHWAY: "HWY",
  NORTH: "N",
  SOUTH: "S",
  EAST: "E",
  WEST: "W",
  COURT: "CT",
  PLACE: "PL",
};

function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/&/g, " AND ")
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

/** "Acme Medical Supply, Inc." → "ACME MEDICAL SUPPLY". */
export function normalizeName(name: string): string {
  return words(name)
    .filter((w) => !LEGAL_FORMS.has(w))
    .join(" ");
}

/** "100 Main Street, Suite 4" + "60601-1234" → "100 MAIN ST STE 4 60601". */
export function normalizeAddress(a: {
  readonly line1: string;
  readonly line2?: string;
  readonly postalCode: string;
}): string {
  const street = words(`${a.line1} ${a.line2 ?? ""}`).map((w) => STREET_WORDS[w] ?? w);
  return [...street, a.postalCode.slice(0, 5)].join(" ");
}

/** The distinctive words of a normalised name (4+ characters), for finding candidates cheaply. */
export function nameTokens(normalized: string): string[] {
  return [...new Set(normalized.split(" ").filter((w) => w.length >= 4))];
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.split(" ")) {
    if (!w) continue;
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Trigram similarity of two normalised strings, 0 (nothing shared) to 1 (same trigrams). */
export function similarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
