import { Type } from "@sinclair/typebox";
import { Errors } from "../../errors/index.js";

/** Query parameters every paginated operations list shares: `limit` and the `next` it answered. */
export const PageParams = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: "Items per page" })),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: "`next` from the previous page (opaque)" }),
  ),
};

/**
 * An RFC 3339 instant with an explicit offset (`2026-06-01T08:00:00Z`). A pattern rather than
 * `format: "date-time"`: no TypeBox format is registered in the API, and an unregistered format
 * fails every value.
 */
export const Instant = (description: string) =>
  Type.String({
    pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})$",
    description,
  });

/**
 * A matched Instant as the store's timestamptz form, refusing what the pattern lets through but no
 * calendar has (2026-02-30T…, 24:61): the store would refuse those with a 500, not a 400.
 */
export function instant(name: string, value: string): string {
  const [y, mo, d, h, mi, s] = [0, 5, 8, 11, 14, 17].map((at) => Number(value.slice(at, at + (at === 0 ? 4 : 2))));
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  const real =
    day.getUTCMonth() === mo! - 1 && day.getUTCDate() === d! && h! < 24 && mi! < 60 && (Number.isNaN(s) || s! < 60);
  const t = Date.parse(value);
  if (!real || Number.isNaN(t)) {
    throw Errors.InputQuery(`querystring is invalid: /${name} is not a real instant`, {
      issues: [{ path: `/${name}`, message: "is not a real instant" }],
    });
  }
  return new Date(t).toISOString();
}
