import { type XmlElement, xmlElement } from "../xml/index.js";

/** `<holder><Money currency>amount</Money></holder>`. */
export function moneyElement(holder: string, amount: string, currency: string): XmlElement {
  return xmlElement(holder, {}, xmlElement("Money", { currency }, amount));
}
