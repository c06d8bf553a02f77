/**
 * Both drivers are told to return the same JS types, so code above the store never branches on
 * the driver: int8 (ids, counts) → number (safe: ids stay far below 2^53), numeric → string
 * (money is never a float), date → 'YYYY-MM-DD' string (a Date at local midnight shifts days).
 */
export const PG_OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_OID.INT8]: (v) => Number(v),
  [PG_OID.NUMERIC]: (v) => v,
  [PG_OID.DATE]: (v) => v,
};
