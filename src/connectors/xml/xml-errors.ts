import { type ConcordError, Errors } from "../../errors/index.js";
import { describePosition, positionAt } from "./xml-position.js";

/** Where the scanned text sits in the original bytes (a stripped BOM shifts every offset by 3). */
export interface XmlSource {
  readonly text: string;
  readonly bomBytes: number;
}

export function xmlMalformed(src: XmlSource, index: number, reason: string): ConcordError {
  const p = positionAt(src.text, index, src.bomBytes);
  return Errors.XmlMalformed(`XML not well-formed at ${describePosition(p)}: ${reason}`, { ...p, reason });
}

export function xmlUnsafe(src: XmlSource, index: number, reason: string): ConcordError {
  const p = positionAt(src.text, index, src.bomBytes);
  return Errors.XmlUnsafe(`XML refused at ${describePosition(p)}: ${reason}`, { ...p, reason });
}

export function xmlTooLarge(src: XmlSource, index: number, limit: string, max: number, what: string): ConcordError {
  const p = positionAt(src.text, index, src.bomBytes);
  return Errors.XmlTooLarge(`XML exceeds ${limit} (${max}) at ${describePosition(p)}: ${what}`, { ...p, limit, max });
}
