import { describe, expect, it } from "vitest";
import { maskText } from "./mask-text.js";

describe("maskText", () => {
  it("removes secrets and keeps only the last 4 characters of identifiers in XML text", () => {
    const xml =
      "<Credential domain='NetworkID'><Identity>acme</Identity><SharedSecret>s3cr3t-abc</SharedSecret></Credential><TaxID>123456789</TaxID><Name>Acme</Name>";
    const masked = maskText(xml);
    expect(masked).not.toContain("s3cr3t-abc");
    expect(masked).not.toContain("123456789");
    expect(masked).toContain("6789</TaxID>");
    expect(masked).toContain("<Identity>acme</Identity>");
    expect(masked).toContain("<Name>Acme</Name>");
  });

  it("leaves text that is not XML as it is", () => {
    expect(maskText("ISA*00*          *00*")).toBe("ISA*00*          *00*");
  });
});
