import { Errors } from "../../errors/index.js";

/** Size limits every XML document is checked against before it is parsed. */
export interface XmlLimits {
  /** Whole document, in bytes (UTF-8). */
  readonly maxBytes: number;
  /** Element nesting depth; the root is depth 1. */
  readonly maxDepth: number;
  /** Elements in the whole document. */
  readonly maxElements: number;
  /** Attributes on one element. */
  readonly maxAttributesPerElement: number;
  /** Characters in one attribute value, as written (before entity decoding). */
  readonly maxAttributeLength: number;
  /** Characters in one run of text or CDATA between two tags, as written. */
  readonly maxTextLength: number;
}

export type XmlLimitsInput = Partial<XmlLimits>;

/**
 * Generous for business documents (a 10 000-line cXML order is about 15 MB only with bloated
 * descriptions; typical orders are kilobytes), small enough that one document cannot exhaust memory.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 200_000,
  maxAttributesPerElement: 64,
  maxAttributeLength: 16 * 1024,
  maxTextLength: 1024 * 1024,
});

/** Fills defaults and refuses nonsense once, so readers work with a complete, valid set. */
export function compileXmlLimits(input: XmlLimitsInput = {}): XmlLimits {
  const out: Record<string, number> = { ...DEFAULT_XML_LIMITS };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(DEFAULT_XML_LIMITS, key)) {
      throw Errors.ConfigInvalid(`unknown XML limit "${key}"`, { option: key });
    }
    if (!Number.isSafeInteger(value) || value < 1) {
      throw Errors.ConfigInvalid(`XML limit ${key} must be a whole number ≥ 1, got ${String(value)}`, { option: key });
    }
    out[key] = value;
  }
  return Object.freeze(out) as unknown as XmlLimits;
}
