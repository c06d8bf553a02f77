/**
 * NATS subjects are dot-separated tokens; `.`, `*`, `>` and whitespace have meaning to the server,
 * so a business key like `contract:ctr 7.1` cannot be used as a token as is. Letters, digits, `-`
 * and `_` pass through; every other character becomes `%HH` per UTF-8 byte. The encoding is
 * reversible, so two different keys never share a subject (a lossy `_` replacement would merge
 * `a:b` and `a/b` into one subject and one per-subject limit).
 */
const SAFE = /^[A-Za-z0-9_-]$/;

/** encodeSubjectToken("contract:ctr-1") → "contract%3Actr-1" */
export function encodeSubjectToken(value: string): string {
  if (value === "") throw new Error("a subject token cannot be empty");
  let out = "";
  for (const ch of value) {
    if (SAFE.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, "utf8")) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** The inverse of encodeSubjectToken; undefined when the token was not produced by it. */
export function decodeSubjectToken(token: string): string | undefined {
  if (!/^([A-Za-z0-9_-]|%[0-9A-F]{2})+$/.test(token)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < token.length; i++) {
    if (token[i] === "%") {
      bytes.push(Number.parseInt(token.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(token.charCodeAt(i));
    }
  }
  const decoded = Buffer.from(bytes).toString("utf8");
  // Reject byte sequences that were not valid UTF-8 (they decode to U+FFFD and would not round-trip).
  return encodeSubjectToken(decoded) === token ? decoded : undefined;
}

/** A subject prefix is one or more plain tokens, e.g. `concord.events`. */
export function isValidSubjectPrefix(prefix: string): boolean {
  return /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix);
}

/**
 * The subject a canonical event is published on: `<prefix>.<event type tokens>.<business key>`.
 * The event type's own dots become subject levels (`contract.version-accepted` → two tokens) so
 * consumers can filter by family (`concord.events.contract.>`); the business key is always the
 * single last token. Example: eventSubject("concord.events", "contract.version-accepted",
 * "contract:ctr-1") → "concord.events.contract.version-accepted.contract%3Actr-1".
 */
export function eventSubject(prefix: string, eventType: string, businessKey: string): string {
  const typeTokens = eventType.split(".").map(encodeSubjectToken);
  return [prefix, ...typeTokens, encodeSubjectToken(businessKey)].join(".");
}

/** Splits a subject built by eventSubject back into event type and business key. */
export function parseEventSubject(
  prefix: string,
  subject: string,
): { readonly eventType: string; readonly businessKey: string } | undefined {
  if (!subject.startsWith(`${prefix}.`)) return undefined;
  const tokens = subject.slice(prefix.length + 1).split(".");
  if (tokens.length < 2) return undefined;
  const decoded = tokens.map(decodeSubjectToken);
  if (decoded.some((t) => t === undefined)) return undefined;
  const parts = decoded as string[];
  return { eventType: parts.slice(0, -1).join("."), businessKey: parts[parts.length - 1]! };
}
