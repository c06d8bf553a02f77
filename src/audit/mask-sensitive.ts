/**
 * Masking for the audit log: the log is kept for years and read by auditors, so it must show that
 * a bank account changed without holding the account. Keys are matched on their words, not as
 * substrings ("supplierEin", "tax_id" and "TIN" are identifiers; "protein" and "tinted" are not).
 */

export const MASK = "****";

/** Account-like identifiers: masked to their last 4 characters, enough to tell two apart. */
const IDENTIFIER_WORDS = new Set(["ssn", "tin", "ein", "fein", "itin", "iban", "aba", "swift", "bic"]);
// "routing" alone is left out on purpose: in an integration hub it usually means message routing.
const IDENTIFIER_PHRASES = [
  "bank account",
  "account number",
  "account no",
  "routing number",
  "routing no",
  "bank routing",
  "routing transit",
  "tax id",
  "tax number",
  "taxpayer id",
  "vat id",
  "vat number",
  "social security",
];

/** Secrets: nothing of them is kept. */
const SECRET_WORDS = new Set([
  "secret",
  "password",
  "passwd",
  "passphrase",
  "authorization",
  "cookie",
  "credential",
  "credentials",
]);
const SECRET_PHRASES = ["private key", "api key", "access token", "refresh token", "bearer token", "shared secret"];

/** Below this length the last 4 characters would give most of the value away. */
const MIN_LENGTH_TO_SHOW_TAIL = 8;

export type Sensitivity = "identifier" | "secret" | undefined;

/** How a key is treated: "taxId" → identifier, "SharedSecret" → secret, "name" → undefined. */
export function sensitivityOf(key: string): Sensitivity {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const phrase = ` ${words.join(" ")} `;
  if (words.some((w) => SECRET_WORDS.has(w)) || SECRET_PHRASES.some((p) => phrase.includes(` ${p} `))) return "secret";
  if (words.some((w) => IDENTIFIER_WORDS.has(w)) || IDENTIFIER_PHRASES.some((p) => phrase.includes(` ${p} `)))
    return "identifier";
  return undefined;
}

/**
 * A copy of value with every sensitive key's value masked, at any depth; the input is not touched.
 * Identifiers keep their last 4 characters ("****6789"), secrets nothing ("****"). Under a
 * sensitive key every leaf is masked (a `bankAccount: {number: …}` object hides its number too);
 * null stays null (it says only that there is none).
 *
 * @example maskSensitive({ taxId: "12-3456789", name: "Acme" }) → { taxId: "****6789", name: "Acme" }
 */
export function maskSensitive<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, inherited: Sensitivity): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, inherited));
  if (typeof value === "object" && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = walk(v, strongest(inherited, sensitivityOf(key)));
    return out;
  }
  if (inherited === undefined) return value;
  if (inherited === "secret" || typeof value === "object") return MASK;
  const text = String(value);
  return text.length >= MIN_LENGTH_TO_SHOW_TAIL ? MASK + text.slice(-4) : MASK;
}

const strongest = (a: Sensitivity, b: Sensitivity): Sensitivity =>
  a === "secret" || b === "secret" ? "secret" : (a ?? b);

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
