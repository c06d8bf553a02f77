import type { ConcordError } from "../../errors/index.js";
import { type XmlSource, xmlMalformed, xmlTooLarge, xmlUnsafe } from "./xml-errors.js";
import type { XmlLimits } from "./xml-limits.js";

/** The DOCTYPE line, when there is one. Only the external form is ever accepted; it is never fetched. */
export interface XmlDoctype {
  readonly name: string;
  readonly systemId?: string;
  readonly publicId?: string;
}

export interface XmlScanResult {
  readonly hasDeclaration: boolean;
  readonly doctype?: XmlDoctype;
  readonly elementCount: number;
}

/**
 * Names that would reach object keys in the parser's output. fast-xml-parser refuses them with a
 * plain Error; refusing them here gives the sender a positioned, coded answer instead.
 */
const REFUSED_NAMES = new Set(["__proto__", "constructor", "prototype"]);

const ENTITY_REF = /&(?:#([0-9]{1,7})|#x([0-9a-fA-F]{1,6})|amp|lt|gt|quot|apos);/y;
const DOCTYPE_RE =
  /^<!DOCTYPE\s+([^\s>[]+)(?:\s+SYSTEM\s+("[^"]*"|'[^']*')|\s+PUBLIC\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*'))?\s*>$/;
const NAME_END = /[\s/>]/;

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * One pass over the text before any parser sees it: refuses everything that can make a parser
 * expand or fetch (DOCTYPE internal subsets, ENTITY and other markup declarations), enforces the
 * size limits, and checks the few well-formedness rules fast-xml-parser's validator lets through
 * (a second root element, undefined entity references). Every refusal names its position.
 */
export function scanXml(src: XmlSource, limits: XmlLimits): XmlScanResult {
  const { text } = src;
  const n = text.length;
  let i = 0;
  let depth = 0;
  let elements = 0;
  let rootClosed = false;
  let hasDeclaration = false;
  let doctype: XmlDoctype | undefined;

  const checkRefs = (from: number, to: number): ConcordError | undefined => {
    let amp = text.indexOf("&", from);
    while (amp !== -1 && amp < to) {
      ENTITY_REF.lastIndex = amp;
      const m = ENTITY_REF.exec(text);
      if (!m || ENTITY_REF.lastIndex > to) {
        const named = /^&([A-Za-z_][\w.-]*);/.exec(text.slice(amp, Math.min(to, amp + 64)));
        return named
          ? xmlMalformed(src, amp, `undefined entity &${named[1]}; (only the five XML entities are allowed)`)
          : xmlMalformed(src, amp, "'&' must start an entity reference (write &amp;)");
      }
      const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? Number.parseInt(m[2], 16) : 0x20;
      if (!isXmlChar(code))
        return xmlMalformed(src, amp, `character reference to U+${code.toString(16)} is not allowed`);
      amp = text.indexOf("&", ENTITY_REF.lastIndex);
    }
    return undefined;
  };

  while (i < n) {
    const lt = text.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (textEnd - i > limits.maxTextLength) {
        throw xmlTooLarge(src, i, "maxTextLength", limits.maxTextLength, `a text run of ${textEnd - i} characters`);
      }
      const bad = checkRefs(i, textEnd);
      if (bad) throw bad;
    }
    if (lt === -1) break;
    const next = text[lt + 1];

    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end === -1) throw xmlMalformed(src, lt, "comment is not closed with -->");
      i = end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end === -1) throw xmlMalformed(src, lt, "CDATA section is not closed with ]]>");
      if (end - (lt + 9) > limits.maxTextLength) {
        throw xmlTooLarge(
          src,
          lt,
          "maxTextLength",
          limits.maxTextLength,
          `a CDATA section of ${end - lt - 9} characters`,
        );
      }
      i = end + 3;
      continue;
    }
    if (text.startsWith("<!DOCTYPE", lt)) {
      if (doctype || elements > 0) throw xmlMalformed(src, lt, "DOCTYPE must come once, before the root element");
      let j = lt + 9;
      let quote = "";
      for (; j < n; j++) {
        const c = text[j]!;
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") {
          quote = c;
        } else if (c === "[") {
          throw xmlUnsafe(src, j, "DOCTYPE with an internal subset ([...]) is refused: it can declare entities");
        } else if (c === ">") {
          break;
        }
      }
      if (j >= n) throw xmlMalformed(src, lt, "DOCTYPE is not closed with >");
      const m = DOCTYPE_RE.exec(text.slice(lt, j + 1));
      if (!m) throw xmlMalformed(src, lt, "DOCTYPE is not of the form <!DOCTYPE name SYSTEM|PUBLIC ...>");
      const unquote = (s: string | undefined) => (s === undefined ? undefined : s.slice(1, -1));
      const systemId = unquote(m[2] ?? m[4]);
      const publicId = unquote(m[3]);
      doctype = {
        name: m[1]!,
        ...(systemId === undefined ? {} : { systemId }),
        ...(publicId === undefined ? {} : { publicId }),
      };
      i = j + 1;
      continue;
    }
    if (next === "!") {
      throw xmlUnsafe(src, lt, `markup declaration ${JSON.stringify(text.slice(lt, lt + 10))} is refused`);
    }
    if (next === "?") {
      const end = text.indexOf("?>", lt + 2);
      if (end === -1) throw xmlMalformed(src, lt, "processing instruction is not closed with ?>");
      if (lt === 0 && /^<\?xml\s/.test(text.slice(0, 7))) hasDeclaration = true;
      i = end + 2;
      continue;
    }
    if (next === "/") {
      const end = text.indexOf(">", lt + 2);
      if (end === -1) throw xmlMalformed(src, lt, "end tag is not closed with >");
      if (depth === 0) throw xmlMalformed(src, lt, "end tag without a matching start tag");
      depth--;
      if (depth === 0) rootClosed = true;
      i = end + 1;
      continue;
    }

    // A start tag: name, attributes, optional '/', '>'.
    let j = lt + 1;
    while (j < n && !NAME_END.test(text[j]!)) j++;
    const name = text.slice(lt + 1, j);
    if (name === "") throw xmlMalformed(src, lt, "'<' must start a tag (write &lt;)");
    if (REFUSED_NAMES.has(name)) throw xmlUnsafe(src, lt, `element name ${name} is refused`);
    if (rootClosed && depth === 0) throw xmlMalformed(src, lt, `second root element <${name}>`);
    elements++;
    if (elements > limits.maxElements) {
      throw xmlTooLarge(src, lt, "maxElements", limits.maxElements, `element <${name}> is one too many`);
    }
    let attributes = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && /\s/.test(text[j]!)) j++;
      if (j >= n) throw xmlMalformed(src, lt, `start tag <${name}> is not closed with >`);
      const c = text[j];
      if (c === ">") break;
      if (c === "/" && text[j + 1] === ">") {
        selfClosing = true;
        j++;
        break;
      }
      const nameStart = j;
      while (j < n && !/[\s=/>]/.test(text[j]!)) j++;
      const attrName = text.slice(nameStart, j);
      if (attrName === "") throw xmlMalformed(src, j, `unexpected ${JSON.stringify(c)} in start tag <${name}>`);
      if (REFUSED_NAMES.has(attrName)) throw xmlUnsafe(src, nameStart, `attribute name ${attrName} is refused`);
      while (j < n && /\s/.test(text[j]!)) j++;
      if (text[j] !== "=") throw xmlMalformed(src, j, `attribute ${attrName} has no value`);
      j++;
      while (j < n && /\s/.test(text[j]!)) j++;
      const quote = text[j];
      if (quote !== '"' && quote !== "'") throw xmlMalformed(src, j, `value of attribute ${attrName} is not quoted`);
      const end = text.indexOf(quote, j + 1);
      if (end === -1) throw xmlMalformed(src, j, `value of attribute ${attrName} is not closed`);
      if (end - j - 1 > limits.maxAttributeLength) {
        throw xmlTooLarge(src, j, "maxAttributeLength", limits.maxAttributeLength, `attribute ${attrName}`);
      }
      const lessThan = text.indexOf("<", j + 1);
      if (lessThan !== -1 && lessThan < end)
        throw xmlMalformed(src, lessThan, `'<' in the value of attribute ${attrName}`);
      const bad = checkRefs(j + 1, end);
      if (bad) throw bad;
      attributes++;
      if (attributes > limits.maxAttributesPerElement) {
        throw xmlTooLarge(src, nameStart, "maxAttributesPerElement", limits.maxAttributesPerElement, `on <${name}>`);
      }
      j = end + 1;
    }
    if (!selfClosing) {
      depth++;
      if (depth > limits.maxDepth) throw xmlTooLarge(src, lt, "maxDepth", limits.maxDepth, `<${name}> nested too deep`);
    } else if (depth === 0) {
      rootClosed = true;
    }
    i = j + 1;
  }
  if (elements === 0) throw xmlMalformed(src, n, "no root element");
  if (depth > 0) throw xmlMalformed(src, n, "document ends inside an element");
  return { hasDeclaration, ...(doctype ? { doctype } : {}), elementCount: elements };
}
