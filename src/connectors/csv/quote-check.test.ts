import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findBadQuote } from "./quote-check.js";

const cell = fc.string({ unit: fc.constantFrom("a", "1", " ", ",", '"', "\n", "é", ".") });

describe("findBadQuote", () => {
  it("accepts every row a conforming writer produces", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const raw = stringify([cells], { record_delimiter: "\r\n" });
        expect(findBadQuote(raw)).toBe(-1);
      }),
    );
  });

  it("finds a quote inside an unquoted value, in the field it is in", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (cells, pick) => {
          const at = pick % cells.length;
          const bad = cells.map((c, i) => (i === at ? `${c}"x` : c));
          expect(findBadQuote(`${bad.join(",")}\n`)).toBe(at);
        },
      ),
    );
  });

  it("finds text after a closing quote and a quote never closed", () => {
    expect(findBadQuote('a,"b"c,d\n')).toBe(1);
    expect(findBadQuote('a,"b" ,d\n')).toBe(1);
    expect(findBadQuote('a,b,"c\n')).toBe(2);
    expect(findBadQuote('a,"b ""c""",d\n')).toBe(-1);
  });
});
