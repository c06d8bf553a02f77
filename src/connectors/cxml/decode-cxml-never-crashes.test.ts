import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpusDir } from "../../../test/support/corpus.js";
import { ConcordError, Errors } from "../../errors/index.js";
import { decodeCxml } from "./decode-cxml.js";

const CORPUS = corpusDir("cxml");
const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".xml"))
  .map((f) => readFileSync(CORPUS + f, "utf8"));
const DECODE_CODES = new Set([
  Errors.XmlMalformed.code,
  Errors.XmlUnsafe.code,
  Errors.XmlTooLarge.code,
  Errors.CxmlDocument.code,
]);

function decodesOrFailsCleanly(input: string | Uint8Array): void {
  try {
    decodeCxml(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConcordError);
    expect(DECODE_CODES.has((e as ConcordError).code), (e as Error).message).toBe(true);
    expect((e as ConcordError).retryable).toBe(false);
    // The catch-all in decodeCxml is a safety net; every failure here should be a foreseen one.
    expect((e as Error).message).not.toMatch(/^cXML cannot be decoded/);
  }
}

describe("decodeCxml never throws anything but a Concord decode error", () => {
  it("on random bytes and strings", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), decodesOrFailsCleanly), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), decodesOrFailsCleanly), { numRuns: 300 });
  });

  it("on every truncation of every corpus document", () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.double({ min: 0, max: 1, noNaN: true }), (doc, cut) => {
        decodesOrFailsCleanly(doc.slice(0, Math.floor(doc.length * cut)));
      }),
      { numRuns: 400 },
    );
  });

  it("on corpus documents with a span replaced by random XML-ish text", () => {
    const junk = fc.string({
      unit: fc.constantFrom("<", ">", "/", "=", '"', "&", ";", "a", "Money", " ", "ItemOut", "!", "[", "]"),
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.nat(), fc.nat({ max: 40 }), junk, (doc, at, len, insert) => {
        const i = at % doc.length;
        decodesOrFailsCleanly(doc.slice(0, i) + insert + doc.slice(i + len));
      }),
      { numRuns: 600 },
    );
  });

  it("on corpus documents with an attribute value replaced by random text", () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.nat(), fc.string({ maxLength: 12 }), (doc, which, value) => {
        const attrs = [...doc.matchAll(/="[^"]*"/g)];
        if (attrs.length === 0) return;
        const m = attrs[which % attrs.length]!;
        const safe = value.replace(/["<&]/g, "");
        decodesOrFailsCleanly(`${doc.slice(0, m.index)}="${safe}"${doc.slice(m.index + m[0].length)}`);
      }),
      { numRuns: 600 },
    );
  });
});
