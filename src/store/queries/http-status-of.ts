/**
 * The HTTP status of a failed attempt, as its error states it ("erp answered 503", "rejected the
 * message with 422: …"): how attempts recorded before `http_status` was kept (0017) say it. A
 * success (2xx) is not restated.
 *
 * @example httpStatusOf("procurement answered 503") // 503
 */
export function httpStatusOf(error: string | null): number | null {
  const m = error === null ? null : /\b(?:answered|with) ([1-5]\d\d)\b/.exec(error);
  return m ? Number(m[1]) : null;
}
