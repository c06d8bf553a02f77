import pino from "pino";
import { describe, expect, it } from "vitest";
import { LOG_REDACT_PATHS } from "./log-redact-paths.js";

function logLine(obj: object): string {
  const lines: string[] = [];
  pino({ redact: [...LOG_REDACT_PATHS] }, { write: (s: string) => lines.push(s) }).info(obj, "logged");
  return lines.join("");
}

describe("LOG_REDACT_PATHS", () => {
  it("keeps credentials and supplier tax ids and bank accounts out of a log line, at any depth a request holds them", () => {
    const line = logLine({
      req: { headers: { authorization: "Bearer eyJabc", "x-api-key": "ck_client.secretsecret", host: "hub" } },
      taxId: "123456789",
      body: {
        records: [
          {
            id: "sup-1",
            taxId: "987654321",
            bankAccount: { routingNumber: "021000021", accountNumber: "000123456789", accountType: "checking" },
          },
        ],
      },
      erp: { vendor: { remit: { routingNumber: "011000015", accountNumber: "55501234567" } } },
    });
    for (const secret of [
      "eyJabc",
      "secretsecret",
      "123456789",
      "987654321",
      "021000021",
      "000123456789",
      "011000015",
      "55501234567",
    ]) {
      expect(line).not.toContain(secret);
    }
    // What is not sensitive stays readable.
    expect(JSON.parse(line)).toMatchObject({ req: { headers: { host: "hub" } }, body: { records: [{ id: "sup-1" }] } });
  });
});
