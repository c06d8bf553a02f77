import { MASK, maskSensitive, sensitivityOf } from "../../audit/index.js";

/**
 * Masks the sensitive elements of a message kept as text (cXML, XML): `<SharedSecret>…</SharedSecret>`
 * loses its value, `<TaxID>123456789</TaxID>` keeps its last 4 characters, by the same key rules
 * as maskSensitive. Text that is not XML comes back as it is: X12 carries no credentials in the
 * segments Concord receives.
 */
export function maskText(text: string): string {
  return text.replace(
    /<([A-Za-z][\w.-]*)([^>]*)>([^<]*)<\/\1>/g,
    (whole, tag: string, attrs: string, value: string) => {
      if (!sensitivityOf(tag) || value.trim() === "") return whole;
      const masked = (maskSensitive({ [tag]: value.trim() }) as Record<string, unknown>)[tag];
      return `<${tag}${attrs}>${typeof masked === "string" ? masked : MASK}</${tag}>`;
    },
  );
}
