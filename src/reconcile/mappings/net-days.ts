/**
 * The net days of a payment-terms text as systems write it ("Net 30", "NET30", "net 45"); the
 * text itself when it is not one, so a difference shows what the system holds.
 */
export function netDays(terms: unknown): unknown {
  const m = typeof terms === "string" ? /^net\s*(\d{1,3})$/i.exec(terms.trim()) : null;
  return m ? Number(m[1]) : (terms ?? null);
}
