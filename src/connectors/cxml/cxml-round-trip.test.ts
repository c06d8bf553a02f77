import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodies, message } from "./cxml.arbitraries.js";
import { decodeCxml } from "./decode-cxml.js";
import { encodeCxml } from "./encode-cxml.js";

describe("decode(encode(m)) = m for every modelled cXML document", () => {
  it.each(Object.keys(bodies))("%s", (type) => {
    fc.assert(
      fc.property(message(type), fc.constantFrom("  ", ""), (m, indent) => {
        const xml = encodeCxml(m, { indent });
        const back = decodeCxml(xml);
        expect({ envelope: back.envelope, body: back.body }).toEqual(m);
        expect(back.quirks).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
