import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gs1Date, parseUdiHrf, udiHrf } from "./gs1-udi.js";

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2070-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const gtin = fc.stringMatching(/^\d{14}$/);
const cset82 = fc.stringMatching(/^[A-Za-z0-9\-./:_]{1,20}$/);

describe("GS1 UDI human-readable form", () => {
  it("reads the HL7 device example's braces form", () => {
    const p = parseUdiHrf("{01}00844588003288{17}141120{10}7654321D{21}10987654d321", "2025-06-01");
    expect(p).toMatchObject({
      gtin: "00844588003288",
      expiresOn: "2014-11-20",
      lot: "7654321D",
      serial: "10987654d321",
    });
    expect(p.problems).toEqual([]);
  });

  it("what udiHrf writes, parseUdiHrf reads back (same 'today' window)", () => {
    fc.assert(
      fc.property(
        gtin,
        fc.option(isoDate, { nil: undefined }),
        fc.option(cset82, { nil: undefined }),
        fc.option(cset82, { nil: undefined }),
        (g, exp, lot, serial) => {
          const hrf = udiHrf({ gtin: g, expiresOn: exp, lot, serial });
          expect(hrf).toBeDefined();
          const back = parseUdiHrf(hrf!, "2035-01-01");
          const wanted = Object.fromEntries(
            Object.entries({ gtin: g, expiresOn: exp, lot, serial }).filter(([, v]) => v !== undefined),
          );
          expect({ gtin: back.gtin, expiresOn: back.expiresOn, lot: back.lot, serial: back.serial }).toEqual({
            gtin: undefined,
            expiresOn: undefined,
            lot: undefined,
            serial: undefined,
            ...wanted,
          });
          expect(back.problems).toEqual([]);
        },
      ),
    );
  });

  it("writes AIs in the FDA label order with parentheses", () => {
    expect(udiHrf({ gtin: "00844588003288", serial: "S1", lot: "L1", expiresOn: "2014-11-20" })).toBe(
      "(01)00844588003288(17)141120(10)L1(21)S1",
    );
  });

  it("leaves the HRF out when a lot could not be read back unambiguously", () => {
    expect(udiHrf({ gtin: "00844588003288", lot: "A(10)B" })).toBeUndefined();
    expect(udiHrf({ gtin: "00844588003288", lot: "x".repeat(21) })).toBeUndefined();
    expect(udiHrf({ gtin: "123" })).toBeUndefined();
  });

  it("names what it could not read", () => {
    const p = parseUdiHrf("junk(01)123(17)991340", "2025-01-01");
    expect(p.problems).toEqual([
      'unexpected text "junk" at offset 0',
      '(01) must be 14 digits, got "123"',
      '(17) is not a YYMMDD date: "991340"',
    ]);
  });

  it("applies GS1's century window and day 00 = end of month", () => {
    expect(gs1Date("141120", "2025-01-01")).toBe("2014-11-20");
    expect(gs1Date("750101", "2025-01-01")).toBe("2075-01-01");
    expect(gs1Date("760101", "2025-01-01")).toBe("1976-01-01");
    expect(gs1Date("240200", "2025-01-01")).toBe("2024-02-29");
    expect(gs1Date("240230", "2025-01-01")).toBeUndefined();
  });
});
