import { SUPPLIER_SENSITIVE_FIELDS } from "../model/index.js";

/**
 * Field names whose values never reach a log line, whatever object they sit in: credentials
 * (headers, tokens, cXML shared secrets) and the supplier data the architecture protects
 * (tax ids, bank accounts). Compared without case, `-` or `_`.
 */
export const SENSITIVE_FIELDS: readonly string[] = [
  ...SUPPLIER_SENSITIVE_FIELDS,
  "authorization",
  "proxyAuthorization",
  "xApiKey",
  "apiKey",
  "cookie",
  "setCookie",
  "password",
  "secret",
  "sharedSecret",
  "clientSecret",
  "accessToken",
  "refreshToken",
  "token",
  "accountNumber",
  "routingNumber",
  "iban",
];

/** Query parameters that carry credentials (`?access_token=…`, `?api_key=…`, signed URLs). */
const SECRET_PARAMS = [
  "access_token",
  "token",
  "api_key",
  "apikey",
  "key",
  "secret",
  "client_secret",
  "password",
  "signature",
  "sig",
];

export const REDACTED = "[REDACTED]";

/** A field name as it may be spelt in JSON (`taxId`, `tax_id`, `x-api-key`, `X-Api-Key`). */
const fieldName = (f: string) => f.replace(/[A-Z]/g, (c) => `[-_]?${c.toLowerCase()}`);
const NAMES = SENSITIVE_FIELDS.map(fieldName).join("|");
// A JSON member `"name": value` with a scalar value, as pino writes it; a nested object's own
// sensitive members (e.g. bankAccount.accountNumber) are caught by their own names.
const MEMBER = new RegExp(`("(?:${NAMES})"\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|-?[0-9][0-9.eE+-]*|true|false)`, "gi");
// The same member inside a JSON string that holds JSON (a raw body), where quotes are escaped.
const ESCAPED_MEMBER = new RegExp(
  `(\\\\"(?:${NAMES})\\\\"\\s*:\\s*)(?:\\\\"(?:[^"\\\\]|\\\\[^"])*\\\\"|-?[0-9][0-9.eE+-]*|true|false)`,
  "gi",
);
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s"\\]+@/gi;
const URL_PARAM = new RegExp(`([?&](?:${SECRET_PARAMS.join("|")})=)[^&#\\s"\\\\]*`, "gi");

/**
 * Removes secrets from one serialized log line (JSON): sensitive members at any depth, also
 * inside escaped JSON strings, user:password@ in URLs and credential query parameters. Working
 * on the final text catches what serializers and error messages put there too.
 */
export function redactSecrets(line: string): string {
  return line
    .replace(MEMBER, `$1"${REDACTED}"`)
    .replace(ESCAPED_MEMBER, `$1\\"${REDACTED}\\"`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(URL_PARAM, `$1${REDACTED}`);
}
