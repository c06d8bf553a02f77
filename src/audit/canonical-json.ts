import { Errors } from "../errors/index.js";

/**
 * The one serialisation audit hashes are computed over: JSON with object keys sorted (by UTF-16
 * code units, as RFC 8785 does), no whitespace, numbers and strings as JSON.stringify writes them.
 * A canonical text parsed and serialised again gives the same text, so a record read back from
 * the store hashes exactly as it did when appended.
 *
 * Stricter than JSON.stringify: a value with no faithful JSON form (a cycle, a bigint, a function,
 * NaN, undefined in an array) is refused instead of silently becoming null or vanishing, since a
 * hash over a lossy form would not show what was actually recorded. Undefined object members are
 * left out (optional fields), and toJSON is honoured (a Date becomes its ISO string).
 *
 * @example canonicalJson({ b: 1, a: [true, "x"] }) === '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, "", new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw invalid(path, `the number ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw invalid(path, `a ${typeof value} has no JSON form`);
  }
  const obj = value as object;
  if (typeof (obj as { toJSON?: unknown }).toJSON === "function") {
    return write((obj as { toJSON(): unknown }).toJSON(), path, ancestors);
  }
  if (ancestors.has(obj)) throw invalid(path, "the value refers to itself (a cycle)");
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((v, i) => write(v, `${path}/${i}`, ancestors)).join(",")}]`;
    }
    const members: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = (obj as Record<string, unknown>)[key];
      if (v === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(v, `${path}/${escapePointer(key)}`, ancestors)}`);
    }
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(obj);
  }
}

const escapePointer = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

const invalid = (path: string, why: string) =>
  Errors.AuditDetailInvalid(`audit detail at "${path || "/"}" is not plain JSON: ${why}`, { path: path || "/" });
