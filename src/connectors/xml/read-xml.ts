import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ConcordError } from "../../errors/index.js";
import { type XmlSource, xmlMalformed, xmlTooLarge } from "./xml-errors.js";
import { compileXmlLimits, type XmlLimits } from "./xml-limits.js";
import type { XmlElement, XmlNode } from "./xml-node.js";
import { scanXml, type XmlDoctype } from "./xml-scan.js";

export interface XmlDocument {
  readonly root: XmlElement;
  /** False when the `<?xml …?>` declaration was missing (allowed; some cXML partners omit it). */
  readonly hasDeclaration: boolean;
  readonly doctype?: XmlDoctype;
}

/**
 * Every name is prefixed on its way through fast-xml-parser so that no element or attribute name
 * (`toString`, `:@`, `#text`) can collide with the parser's own keys or be renamed by its
 * prototype-pollution guard; the prefix is removed when the tree is rebuilt. NUL cannot occur in
 * an XML name, so stripping it is unambiguous (the parser applies the tag transform twice to
 * self-closing tags, hence a loop).
 */
const NAME_MARK = "\u0000";
const stripMark = (s: string): string => {
  let i = 0;
  while (s.charCodeAt(i) === 0) i++;
  return s.slice(i);
};

// Entities are decoded by us in one pass: the parser's decoder leaves numeric references alone,
// and decoding them after it would turn "&amp;#60;" into "<" (double decoding).
const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  // Attribute values are kept as written; text runs are trimmed in toNode (after the parser,
  // before decoding, so a space written as &#32; survives).
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
  commentPropName: false,
  maxNestedTags: 100_000,
  transformTagName: (n: string) => NAME_MARK + n,
  transformAttributeName: (n: string) => NAME_MARK + n,
});

const PREDEFINED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(REFERENCE, (_m, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    return PREDEFINED[ref]!;
  });
}

type Ordered = Record<string, unknown>;

/** XML whitespace only: String.trim would also eat a no-break space the sender meant. */
const trimXmlSpace = (s: string): string => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");

function toNode(entry: Ordered): XmlNode | undefined {
  if (Object.hasOwn(entry, "#text")) return decodeEntities(trimXmlSpace(String(entry["#text"])));
  if (Object.hasOwn(entry, "#cdata")) {
    const parts = entry["#cdata"] as Ordered[];
    return parts.map((p) => String(p["#text"] ?? "")).join("");
  }
  for (const key of Object.keys(entry)) {
    if (key === ":@") continue;
    const rawAttrs = (entry[":@"] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(rawAttrs)) attributes[stripMark(k)] = decodeEntities(String(v));
    const children: XmlNode[] = [];
    for (const child of entry[key] as Ordered[]) {
      const node = toNode(child);
      if (node !== undefined && node !== "") children.push(node);
    }
    return { name: stripMark(key), attributes, children };
  }
  return undefined;
}

export interface ReadXmlOptions {
  readonly limits?: XmlLimits;
}

/**
 * Parses untrusted XML safely: size limits and the refusal of DTD internal subsets and entity
 * declarations come first (scanXml), then well-formedness (fast-xml-parser's validator), then the
 * tree. External DTDs named by a DOCTYPE are never fetched. Throws only ConcordErrors:
 * CONCORD_ERR_XML_TOO_LARGE, CONCORD_ERR_XML_UNSAFE or CONCORD_ERR_XML_MALFORMED, each positioned.
 *
 * @example readXml('<a b="1">text</a>').root // { name: "a", attributes: { b: "1" }, children: ["text"] }
 */
export function readXml(input: string | Uint8Array, options: ReadXmlOptions = {}): XmlDocument {
  const limits = options.limits ?? compileXmlLimits();
  const src = toSource(input, limits);
  const scan = scanXml(src, limits);
  const verdict = XMLValidator.validate(src.text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const index = indexOfLineCol(src.text, verdict.err.line, verdict.err.col);
    throw xmlMalformed(src, index, verdict.err.msg);
  }
  let parsed: Ordered[];
  try {
    parsed = PARSER.parse(src.text) as Ordered[];
  } catch (e) {
    if (e instanceof ConcordError) throw e;
    throw xmlMalformed(src, 0, e instanceof Error ? e.message : String(e));
  }
  let root: XmlElement | undefined;
  for (const entry of parsed) {
    const node = toNode(entry);
    if (node !== undefined && typeof node !== "string") root = node;
  }
  if (!root) throw xmlMalformed(src, 0, "no root element");
  return { root, hasDeclaration: scan.hasDeclaration, ...(scan.doctype ? { doctype: scan.doctype } : {}) };
}

function toSource(input: string | Uint8Array, limits: XmlLimits): XmlSource {
  let text: string;
  if (typeof input === "string") {
    const bytes = Buffer.byteLength(input, "utf8");
    if (bytes > limits.maxBytes) throw tooManyBytes(bytes, limits);
    text = input;
  } else {
    if (input.byteLength > limits.maxBytes) throw tooManyBytes(input.byteLength, limits);
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw xmlMalformed({ text: "", bomBytes: 0 }, 0, "the bytes are not valid UTF-8");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) return { text: text.slice(1), bomBytes: 3 };
  return { text, bomBytes: 0 };
}

function tooManyBytes(bytes: number, limits: XmlLimits) {
  return xmlTooLarge({ text: "", bomBytes: 0 }, 0, "maxBytes", limits.maxBytes, `the document has ${bytes} bytes`);
}

function indexOfLineCol(text: string, line: number, col: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", index);
    if (nl === -1) return text.length;
    index = nl + 1;
  }
  return Math.min(text.length, index + Math.max(0, col - 1));
}
