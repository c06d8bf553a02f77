import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpusDir } from "../../../test/support/corpus.js";
import { decodeInterchanges } from "./envelope/decode-interchange.js";
import type { MappedDocument } from "./sets/decode-document.js";
import { decodeDocument } from "./sets/decode-document.js";
import { encodeDocuments } from "./sets/encode-document.js";
import {
  invoiceArb,
  orderConfirmationArb,
  paymentArb,
  priceAuthorizationArb,
  priceCatalogArb,
  purchaseOrderArb,
  shipNoticeArb,
} from "./x12-arbitraries.fixtures.js";
import { isX12Error } from "./x12-problem.js";

const envelope = {
  sender: { qualifier: "ZZ", id: "CONCORD" },
  receiver: { qualifier: "ZZ", id: "PARTNER" },
  controlNumber: 1,
  at: new Date("2026-01-01T00:00:00Z"),
};

function roundTrip(doc: MappedDocument, separators?: { element: string; component: string; segment: string }) {
  const { text } = encodeDocuments([doc], { ...envelope, ...(separators ? { separators } : {}) });
  const [ic] = decodeInterchanges(text);
  return decodeDocument(ic!.groups[0]!.sets[0]!).document;
}

const kinds: [string, fc.Arbitrary<MappedDocument>][] = [
  ["850 purchase order", purchaseOrderArb],
  ["855 order confirmation", orderConfirmationArb],
  ["856 ship notice", shipNoticeArb],
  ["810 invoice", invoiceArb],
  ["832 price catalog", priceCatalogArb],
  ["845 price authorization", priceAuthorizationArb],
  ["820 payment", paymentArb],
];

describe("encode → decode is the identity on canonical documents", () => {
  it.each(kinds)("%s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (doc) => {
        expect(roundTrip(doc)).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });

  it("also with other separators (a 3-byte terminator, `^` elements)", () => {
    fc.assert(
      fc.property(purchaseOrderArb, (doc) => {
        expect(roundTrip(doc, { element: "^", component: ":", segment: "…" })).toEqual(doc);
      }),
      { numRuns: 50 },
    );
  });
});

const CORPUS = pathToFileURL(corpusDir("x12"));
const corpus = readdirSync(fileURLToPath(CORPUS))
  .filter((f) => f.endsWith(".x12"))
  .map((f) => readFileSync(new URL(f, CORPUS)));

/** Decodes and maps everything; the only errors allowed are Concord's positioned X12 errors. */
function decodeAll(input: string | Uint8Array): void {
  try {
    for (const ic of decodeInterchanges(input, { controls: "record" })) {
      for (const g of ic.groups) {
        for (const s of g.sets) {
          try {
            decodeDocument(s);
          } catch (e) {
            if (!isX12Error(e)) throw e;
          }
        }
      }
    }
  } catch (e) {
    if (!isX12Error(e)) throw e;
    const message = (e as Error).message;
    expect(message.length).toBeGreaterThan(0);
  }
}

describe("bad input never throws anything but a Concord X12 error", () => {
  it("random text and bytes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (input) =>
        decodeAll(input),
      ),
      { numRuns: 500 },
    );
  });

  it("random byte mutations of corpus files", () => {
    const mutation = fc.record({
      file: fc.nat({ max: corpus.length - 1 }),
      edits: fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          byte: fc.integer({ min: 0, max: 255 }),
          op: fc.constantFrom("set", "insert", "delete"),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const bytes = [...corpus[file]!];
        for (const e of edits) {
          const i = Math.min(bytes.length - 1, Math.floor(e.at * bytes.length));
          if (e.op === "set") bytes[i] = e.byte;
          else if (e.op === "insert") bytes.splice(i, 0, e.byte);
          else bytes.splice(i, 1);
        }
        decodeAll(Uint8Array.from(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it("every truncation of every corpus file", () => {
    for (const bytes of corpus) {
      for (let n = 0; n < bytes.length; n += 7) decodeAll(bytes.subarray(0, n));
    }
  });

  it("corpus files with random text inserted after a separator", () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.string({ maxLength: 12 }), fc.nat(), (file, junk, seed) => {
        const text = corpus[file]!.toString("utf8");
        const parts = text.split(/(?<=[*^~|])/);
        const i = seed % Math.max(1, parts.length);
        parts.splice(i, 0, junk);
        decodeAll(parts.join(""));
      }),
      { numRuns: 800 },
    );
  });
});
