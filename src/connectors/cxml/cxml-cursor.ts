import { type ConcordError, Errors } from "../../errors/index.js";
import type { Issue, Uom } from "../../model/index.js";
import { attribute, childElements, firstChild, ownText, type XmlElement } from "../xml/index.js";

/** What decoding one document shares: partner UOM overrides, warnings, the document's currency. */
export interface DecodeContext {
  readonly uomOverrides?: Readonly<Record<string, Uom>>;
  readonly warnings: Issue[];
  currency?: string;
}

/**
 * An element plus its XPath, so every decode error and warning names the exact place
 * (`/cXML/Request/OrderRequest/ItemOut[2]/@quantity`).
 */
export class CxmlCursor {
  constructor(
    readonly el: XmlElement,
    readonly path: string,
    readonly ctx: DecodeContext,
  ) {}

  child(name: string): CxmlCursor | undefined {
    const c = firstChild(this.el, name);
    return c ? new CxmlCursor(c, `${this.path}/${name}`, this.ctx) : undefined;
  }

  requireChild(name: string): CxmlCursor {
    const c = this.child(name);
    if (!c) throw this.fail(`<${this.el.name}> has no <${name}>`, `${this.path}/${name}`);
    return c;
  }

  children(name: string): CxmlCursor[] {
    const all = childElements(this.el, name);
    return all.map((c, i) => new CxmlCursor(c, `${this.path}/${name}${all.length > 1 ? `[${i + 1}]` : ""}`, this.ctx));
  }

  /** Attribute value trimmed; an empty value counts as absent (partners send `orderID=""`). */
  attr(name: string): string | undefined {
    const v = attribute(this.el, name)?.trim();
    return v === undefined || v === "" ? undefined : v;
  }

  requireAttr(name: string): string {
    const v = this.attr(name);
    if (v === undefined) throw this.fail(`<${this.el.name}> has no ${name} attribute`, `${this.path}/@${name}`);
    return v;
  }

  /** The element's own text, trimmed; empty counts as absent. */
  text(): string | undefined {
    const t = ownText(this.el).trim();
    return t === "" ? undefined : t;
  }

  childText(name: string): string | undefined {
    return this.child(name)?.text();
  }

  fail(message: string, path = this.path): ConcordError {
    return Errors.CxmlDocument(`cXML ${path}: ${message}`, { path });
  }

  warn(rule: string, message: string, path = this.path): void {
    this.ctx.warnings.push({ path, rule, message });
  }
}
