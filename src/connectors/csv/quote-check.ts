/**
 * The parser runs with relaxed quoting so that one bad quote cannot swallow the rows after it
 * (strict csv-parse loses its place after an invalid closing quote). The price of that leniency
 * is that a stray quote ends up inside a value; this strict RFC 4180 check over the row's raw
 * text puts it back in the report instead.
 *
 * Returns the 0-based index of the first field with bad quoting, or -1 when the row is well formed.
 */
export function findBadQuote(raw: string): number {
  if (!raw.includes('"')) return -1; // almost every row of a machine-written file
  let end = raw.length;
  if (raw.endsWith("\r\n")) end -= 2;
  else if (raw.endsWith("\n") || raw.endsWith("\r")) end -= 1;
  let field = 0;
  let i = 0;
  while (i <= end) {
    if (i < end && raw[i] === '"') {
      i++;
      for (;;) {
        if (i >= end) return field; // the closing quote is missing
        if (raw[i] === '"') {
          if (raw[i + 1] === '"' && i + 1 < end) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      if (i < end && raw[i] !== ",") return field; // text after the closing quote
    } else {
      while (i < end && raw[i] !== ",") {
        if (raw[i] === '"') return field; // a quote inside an unquoted value
        i++;
      }
    }
    i++; // past the comma (or the end)
    field++;
  }
  return -1;
}
