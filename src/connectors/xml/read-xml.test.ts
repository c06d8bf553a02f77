import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { readXml } from "./read-xml.js";
import { compileXmlLimits } from "./xml-limits.js";
import { attribute, childElements, firstChild, ownText } from "./xml-node.js";

describe("readXml", () => {
  it("keeps element order, attributes, text and CDATA literally", () => {
    const doc = readXml(
      '<?xml version="1.0"?><r a="1 &amp; &#65;&#x42; &amp;#60;"><z>t &lt;&#x263A;</z><y/><![CDATA[<raw> &amp;]]><x>two</x></r>',
    );
    expect(doc.hasDeclaration).toBe(true);
    expect(doc.root.name).toBe("r");
    expect(attribute(doc.root, "a")).toBe("1 & AB &#60;");
    expect(childElements(doc.root).map((e) => e.name)).toEqual(["z", "y", "x"]);
    expect(ownText(firstChild(doc.root, "z")!)).toBe("t <☺");
    expect(doc.root.children[2]).toBe("<raw> &amp;");
  });

  it("reads names that are Object.prototype members as plain names", () => {
    const doc = readXml('<toString hasOwnProperty="1"><valueOf/></toString>');
    expect(doc.root.name).toBe("toString");
    expect(attribute(doc.root, "hasOwnProperty")).toBe("1");
    expect(firstChild(doc.root, "valueOf")).toBeDefined();
    expect(attribute(doc.root, "constructor")).toBeUndefined();
  });

  it("tolerates a missing declaration, a BOM and leading whitespace", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("\n  <cxml/>")]);
    const doc = readXml(bytes);
    expect(doc.hasDeclaration).toBe(false);
    expect(doc.root.name).toBe("cxml");
  });

  it("counts byte offsets after a BOM and in multi-byte text", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<a>é&bad;</a>")]);
    try {
      readXml(bytes);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: Errors.XmlMalformed.code, extras: { offset: 3 + 3 + 2, column: 5 } });
    }
  });

  it("refuses invalid limits at configuration time", () => {
    expect(() => compileXmlLimits({ maxDepth: 0 })).toThrow(/maxDepth must be a whole number/);
    expect(() => compileXmlLimits({ maxDeph: 3 } as never)).toThrow(/unknown XML limit "maxDeph"/);
  });
});
