/** A parsed element: attributes by name, children (elements and text) in document order. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** Text (entities decoded, CDATA kept literally) or an element. */
export type XmlNode = XmlElement | string;

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== "string";
}

/** The child elements, optionally only those with `name`. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== "string" && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** The element's own text (not its descendants'), pieces joined with a space. */
export function ownText(el: XmlElement): string {
  const parts: string[] = [];
  for (const c of el.children) if (typeof c === "string") parts.push(c);
  return parts.join(" ");
}

export function attribute(el: XmlElement, name: string): string | undefined {
  return Object.hasOwn(el.attributes, name) ? el.attributes[name] : undefined;
}

type Child = XmlNode | undefined | false | null | readonly Child[];

/**
 * Builds an element for the writer: attributes whose value is undefined are left out, and so are
 * undefined/false children, which keeps DTD-ordered encoders to one expression per element.
 */
export function xmlElement(
  name: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: Child[]
): XmlElement {
  const attrs: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[k] = v;
  const flat: XmlNode[] = [];
  const add = (c: Child): void => {
    if (c === undefined || c === false || c === null) return;
    if (Array.isArray(c)) {
      for (const x of c) add(x);
      return;
    }
    flat.push(c as XmlNode);
  };
  for (const c of children) add(c);
  return { name, attributes: attrs, children: flat };
}
