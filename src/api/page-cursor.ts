import { Errors } from "../errors/index.js";

/**
 * The opaque `next` of a paginated answer: the sort key of the last item returned, so the next page
 * starts after it (keyset paging: a page costs the same however deep, and rows written meanwhile
 * neither repeat nor go missing). Clients pass it back as `cursor` and must not build their own.
 *
 * @example const next = encodePageCursor(lastId); const after = decodePageCursor(cursor, "number");
 */
export function encodePageCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify({ after: key }), "utf8").toString("base64url");
}

/** The key a cursor carries; a cursor that is not one of ours (or of another list) is a 400 naming `cursor`. */
export function decodePageCursor(cursor: string, type: "number"): number;
export function decodePageCursor(cursor: string, type: "string"): string;
/** A compound sort key (a tuple), checked by `isKey`. */
export function decodePageCursor<K extends PageKey>(cursor: string, isKey: (after: unknown) => after is K): K;
export function decodePageCursor(cursor: string, type: "number" | "string" | ((after: unknown) => boolean)): PageKey {
  let after: unknown;
  try {
    after = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown }).after;
  } catch {
    after = undefined;
  }
  const ok =
    type === "number" ? Number.isSafeInteger(after) : type === "string" ? typeof after === "string" : type(after);
  if (!ok) {
    throw Errors.InputQuery("querystring is invalid: /cursor is not a cursor this list returned as `next`", {
      issues: [{ path: "/cursor", message: "is not a cursor this list returned as `next`" }],
    });
  }
  return after as PageKey;
}

/** A sort key: one column's value, or several for a compound order. */
export type PageKey = string | number | readonly (string | number)[];

/** A page of `limit` rows fetched as limit + 1: the extra row only says whether there is a next page. */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => string | number,
): {
  items: T[];
  next: string | null;
} {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last !== undefined ? encodePageCursor(keyOf(last)) : null };
}
