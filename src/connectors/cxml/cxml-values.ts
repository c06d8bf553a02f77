import { isIsoDate } from "../../model/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";

const NUMBER_RE = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * A cXML number (`%r8`, Money content) as a DecimalString, kept as written where it already is one
 * ("2.00" stays "2.00"). Leading zeros and trailing zeros past 4 decimals are dropped; anything
 * that would lose value (exponents, a 5th significant decimal, 15 integer digits) is refused.
 */
export function toDecimal(raw: string, at: CxmlCursor, where: string): string {
  const s = raw.trim();
  const m = NUMBER_RE.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw at.fail(`${where} ${JSON.stringify(raw)} is not a number`);
  const int = m[2]!.replace(/^0+(?=\d)/, "") || "0";
  let frac = m[3] ?? "";
  if (frac.length > 4) {
    if (/[1-9]/.test(frac.slice(4))) throw at.fail(`${where} ${JSON.stringify(raw)} has more than 4 decimals`);
    frac = frac.slice(0, 4);
  }
  if (int.length > 14) throw at.fail(`${where} ${JSON.stringify(raw)} has more than 14 integer digits`);
  const body = frac === "" ? int : `${int}.${frac}`;
  const zero = /^0(\.0*)?$/.test(body);
  return m[1] === "-" && !zero ? `-${body}` : body;
}

/** The calendar date of a cXML date or datetime, as the sender wrote it (not converted to UTC). */
export function toDate(raw: string, at: CxmlCursor, where: string): string {
  const d = raw.trim().slice(0, 10);
  if (!isIsoDate(d)) throw at.fail(`${where} ${JSON.stringify(raw)} is not a date (expected YYYY-MM-DD…)`);
  return d;
}

export function attrDecimal(at: CxmlCursor, name: string): string | undefined {
  const v = at.attr(name);
  return v === undefined ? undefined : toDecimal(v, at, `@${name}`);
}

export function attrDate(at: CxmlCursor, name: string): string | undefined {
  const v = at.attr(name);
  return v === undefined ? undefined : toDate(v, at, `@${name}`);
}

/**
 * The amount of the `<Money>` inside `holder` (UnitPrice, Total, SubtotalAmount…). Empty Money
 * (`<Money currency="USD"/>`, seen in Coupa invoices) is "no amount". Every Money of one document
 * must share one currency: Concord does no currency conversion.
 */
export function moneyIn(holder: CxmlCursor | undefined): string | undefined {
  if (!holder) return undefined;
  const money = holder.requireChild("Money");
  const text = money.text();
  if (text === undefined) return undefined;
  const currency = money.attr("currency")?.toUpperCase();
  if (currency !== undefined) {
    if (holder.ctx.currency === undefined) holder.ctx.currency = currency;
    else if (holder.ctx.currency !== currency) {
      throw money.fail(`Money in ${currency} where the document uses ${holder.ctx.currency}`);
    }
  }
  return toDecimal(text, money, "Money");
}

/** A canonical date where cXML wants a datetime with zone (orderDate, noticeDate…): midnight UTC. */
export function dateTimeOf(date: string): string {
  return `${date}T00:00:00+00:00`;
}
