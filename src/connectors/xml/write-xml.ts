import { Errors } from "../../errors/index.js";
import type { XmlElement } from "./xml-node.js";

export interface WriteXmlOptions {
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first (default true). */
  readonly declaration?: boolean;
  /** A DOCTYPE naming an external DTD, e.g. { name: "cXML", systemId: "http://xml.cxml.org/…/cXML.dtd" }. */
  readonly doctype?: { readonly name: string; readonly systemId: string };
  /** Indentation per level; "" writes everything on one line. Default two spaces. */
  readonly indent?: string;
}

const XML_NAME = /^[A-Za-z_][\w.:-]*$/;

/** Index of the first character XML 1.0 cannot carry at all (not even as a reference), or -1. */
function invalidCharAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) return i;
    if (c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

function refuseInvalid(s: string, where: string): void {
  const at = invalidCharAt(s);
  if (at !== -1) {
    const code = s.charCodeAt(at).toString(16).padStart(4, "0");
    throw Errors.XmlMalformed(`cannot write ${where}: it contains U+${code}, which XML 1.0 cannot carry`, {
      path: where,
    });
  }
}

/** Escapes element text: `&`, `<`, and `>` (the last so that `]]>` never appears). CR is kept as a reference. */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
}

/** Escapes an attribute value; whitespace other than space is written as a reference so parsers do not normalise it away. */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\t":
        return "&#9;";
      case "\n":
        return "&#10;";
      default:
        return "&#13;";
    }
  });
}

/**
 * Serialises a tree exactly in the order given (DTD validation depends on element order, so the
 * writer never sorts). Elements without children are written self-closed; an element whose only
 * child is text is written on one line.
 */
export function writeXml(root: XmlElement, options: WriteXmlOptions = {}): string {
  const indent = options.indent ?? "  ";
  const nl = indent === "" ? "" : "\n";
  const out: string[] = [];
  if (options.declaration ?? true) out.push(`<?xml version="1.0" encoding="UTF-8"?>${nl || "\n"}`);
  if (options.doctype) {
    const { name, systemId } = options.doctype;
    if (!XML_NAME.test(name) || systemId.includes('"')) {
      throw Errors.XmlMalformed(`invalid DOCTYPE ${JSON.stringify(name)} ${JSON.stringify(systemId)}`);
    }
    out.push(`<!DOCTYPE ${name} SYSTEM "${systemId}">${nl || "\n"}`);
  }
  const write = (el: XmlElement, depth: number, path: string): void => {
    if (!XML_NAME.test(el.name)) throw Errors.XmlMalformed(`invalid element name ${JSON.stringify(el.name)}`, { path });
    const pad = indent.repeat(depth);
    let open = `<${el.name}`;
    for (const [k, v] of Object.entries(el.attributes)) {
      if (!XML_NAME.test(k)) throw Errors.XmlMalformed(`invalid attribute name ${JSON.stringify(k)}`, { path });
      refuseInvalid(v, `${path}/@${k}`);
      open += ` ${k}="${escapeAttribute(v)}"`;
    }
    if (el.children.length === 0) {
      out.push(`${pad}${open}/>${nl}`);
      return;
    }
    const only = el.children[0];
    if (el.children.length === 1 && typeof only === "string") {
      refuseInvalid(only, path);
      out.push(`${pad}${open}>${escapeText(only)}</${el.name}>${nl}`);
      return;
    }
    out.push(`${pad}${open}>${nl}`);
    el.children.forEach((c, i) => {
      if (typeof c === "string") {
        refuseInvalid(c, path);
        out.push(`${indent.repeat(depth + 1)}${escapeText(c)}${nl}`);
      } else {
        write(c, depth + 1, `${path}/${c.name}[${i + 1}]`);
      }
    });
    out.push(`${pad}</${el.name}>${nl}`);
  };
  write(root, 0, `/${root.name}`);
  return out.join("");
}
