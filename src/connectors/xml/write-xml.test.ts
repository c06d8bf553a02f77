import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { readXml } from "./read-xml.js";
import { writeXml } from "./write-xml.js";
import { type XmlElement, xmlElement } from "./xml-node.js";

// Text the reader returns unchanged: it trims text runs, so generate trimmed, non-empty strings.
const xmlText = fc
  .string({ unit: fc.constantFrom("a", "Z", " ", "&", "<", ">", '"', "'", "]]>", "\t", "\n", "é", "😀", "&amp;", "#") })
  .map((s) => s.trim())
  .filter((s) => s !== "");
const attrText = fc.string({
  unit: fc.constantFrom("a", " ", "&", "<", ">", '"', "'", "\t", "\n", "\r", "é", "&#60;"),
});
const name = fc.constantFrom("A", "b", "Item", "x:y", "ns.el", "Money", "toString", "_u");

const tree: fc.Arbitrary<XmlElement> = fc.letrec<{ el: XmlElement }>((tie) => ({
  el: fc
    .tuple(
      name,
      fc.dictionary(fc.constantFrom("k", "currency", "xml:lang", "toString"), attrText, { maxKeys: 3 }),
      fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant([] as (XmlElement | string)[]),
        xmlText.map((t) => [t]),
        fc.array(tie("el"), { maxLength: 4 }),
      ),
    )
    .map(([n, attrs, children]) => xmlElement(n, attrs, children)),
})).el;

function normalize(el: XmlElement): unknown {
  return {
    name: el.name,
    attributes: { ...el.attributes },
    children: el.children.map((c) => (typeof c === "string" ? c : normalize(c))),
  };
}

describe("writeXml", () => {
  it("read(write(tree)) = tree, whatever the text and attribute characters", () => {
    fc.assert(
      fc.property(tree, fc.constantFrom("", "  "), (t, indent) => {
        const back = readXml(writeXml(t, { indent })).root;
        expect(normalize(back)).toEqual(normalize(t));
      }),
      { numRuns: 300 },
    );
  });

  it("writes elements in the order given and a DOCTYPE line", () => {
    const xml = writeXml(xmlElement("cXML", { payloadID: "p&1" }, xmlElement("Z"), xmlElement("A", {}, "t")), {
      doctype: { name: "cXML", systemId: "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd" },
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd">\n' +
        '<cXML payloadID="p&amp;1">\n  <Z/>\n  <A>t</A>\n</cXML>\n',
    );
    expect(readXml(xml).doctype?.name).toBe("cXML");
  });

  it("escapes ]]> so text never ends a CDATA section or breaks markup", () => {
    expect(writeXml(xmlElement("a", {}, "x]]>y<z&"), { declaration: false, indent: "" })).toBe(
      "<a>x]]&gt;y&lt;z&amp;</a>",
    );
  });

  it("refuses characters XML 1.0 cannot carry instead of writing a broken document", () => {
    expect(() => writeXml(xmlElement("a", {}, "bell\u0007"))).toThrow(/U\+0007/);
    expect(() => writeXml(xmlElement("a", { b: "\uD800" }))).toThrow(
      expect.objectContaining({ code: Errors.XmlMalformed.code }),
    );
    expect(() => writeXml(xmlElement("bad name"))).toThrow(/invalid element name/);
  });
});
