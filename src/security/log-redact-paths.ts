import { SUPPLIER_SENSITIVE_FIELDS } from "../model/index.js";

/** Keys whose values never reach a log line, at whatever depth a logged object holds them. */
const SENSITIVE_KEYS = [...SUPPLIER_SENSITIVE_FIELDS, "accountNumber", "routingNumber"];

// The logger's redaction works on explicit paths; four levels cover a logged request body
// (`body.records[3].bankAccount`) with room to spare, at no cost for objects without these keys.
const DEPTHS = ["", "*.", "*.*.", "*.*.*.", "*.*.*.*."];

/**
 * Paths for the API logger's `redact` option: credentials in request headers, and supplier tax
 * ids and bank accounts wherever they appear in what is logged.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  "req.headers.authorization",
  'req.headers["x-api-key"]',
  ...SENSITIVE_KEYS.flatMap((key) => DEPTHS.map((prefix) => `${prefix}${key}`)),
];
