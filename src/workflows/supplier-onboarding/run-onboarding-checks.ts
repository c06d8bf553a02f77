import { abaRoutingNumberProblem } from "../../model/identifiers/aba-routing-number.js";
import { normalizeTin } from "../../model/identifiers/tin.js";
import type { BankAccount } from "../../model/index.js";
import type { FieldCipher } from "../../security/index.js";
import type { Queryable } from "../../store/index.js";
import type { CheckResult } from "./check-result.js";
import { findDuplicateVendors } from "./find-duplicate-vendors.js";
import type { OnboardingRow } from "./onboarding-row.js";
import { type ScreeningHit, SOURCE_NAMES, screenParty } from "./screening/index.js";

export interface CheckInput {
  readonly row: OnboardingRow;
  readonly taxId: string;
  readonly bankAccount: BankAccount;
  readonly today: string;
  readonly insuranceWarningDays: number;
}

/**
 * Every onboarding check, in report order, with its outcome and a reason a person can act on.
 * Reads the exclusion lists and the supplier master; writes nothing (the caller records the
 * outcomes, exceptions and hits in its transition's transaction).
 */
export async function runOnboardingChecks(
  q: Queryable,
  cipher: FieldCipher,
  input: CheckInput,
): Promise<{ results: CheckResult[]; hits: ScreeningHit[] }> {
  const { row, today } = input;
  const req = row.request;
  const results: CheckResult[] = [];

  const tin = normalizeTin(input.taxId);
  results.push(
    tin.ok
      ? { check: "tin", outcome: "passed", reason: `a well-formed US TIN ending ${row.tinLast4}` }
      : { check: "tin", outcome: "failed", reason: `the tax id ${tin.reason}` },
  );

  results.push(
    req.w9.onFile
      ? { check: "w9", outcome: "passed", reason: `W-9 on file${req.w9.documentRef ? ` (${req.w9.documentRef})` : ""}` }
      : {
          check: "w9",
          outcome: "failed",
          reason: "no signed W-9 on file: the TIN cannot be certified and payments would need 24% backup withholding",
        },
  );

  const aba = abaRoutingNumberProblem(input.bankAccount.routingNumber);
  results.push(
    aba
      ? { check: "bank-routing", outcome: "failed", reason: `the bank routing number ${aba}` }
      : { check: "bank-routing", outcome: "passed", reason: "the routing number passes the ABA checksum" },
  );

  results.push(
    row.bankChange
      ? {
          check: "bank-change-approval",
          outcome: "pending",
          reason: `the remit-to bank account of an existing supplier changes (to one ending ${row.bankLast4}): two different approvers must approve it`,
        }
      : {
          check: "bank-change-approval",
          outcome: "not-applicable",
          reason: row.kind === "new" ? "a new supplier" : "the bank account is unchanged",
        },
  );

  const hits = await screenParty(q, { name: req.name, duns: req.duns });
  for (const source of ["leie", "sam"] as const) {
    const found = hits.filter((h) => h.source === source);
    const listed = await q.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM exclusion_list_entries WHERE source = $1",
      [source],
    );
    results.push(
      found.length > 0
        ? {
            check: `exclusion-${source}`,
            outcome: "failed",
            reason: `${req.name} matches ${found.map((h) => `"${h.entryName}" (${h.match}${h.match === "similar" ? ` ${h.similarity}` : ""})`).join(", ")} on the ${SOURCE_NAMES[source]} list`,
            details: { matches: found },
          }
        : listed[0]!.n === 0
          ? // An empty list would make every screening a pass: say so instead of passing.
            {
              check: `exclusion-${source}`,
              outcome: "warning",
              reason: `no ${SOURCE_NAMES[source]} list is loaded; not screened`,
            }
          : { check: `exclusion-${source}`, outcome: "passed", reason: `not on the ${SOURCE_NAMES[source]} list` },
    );
  }

  const expires = req.insurance.certificateExpiresOn;
  const warnFrom = new Date(Date.parse(`${today}T00:00:00Z`) + input.insuranceWarningDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  results.push(
    expires < today
      ? { check: "insurance", outcome: "failed", reason: `the insurance certificate expired on ${expires}` }
      : expires <= warnFrom
        ? {
            check: "insurance",
            outcome: "warning",
            reason: `the insurance certificate expires on ${expires}, within ${input.insuranceWarningDays} days`,
          }
        : { check: "insurance", outcome: "passed", reason: `insured until ${expires}` },
  );

  const duplicates = await findDuplicateVendors(q, cipher, row);
  results.push(
    duplicates.length > 0
      ? {
          check: "duplicate-vendor",
          outcome: "failed",
          reason: `likely the same vendor as ${duplicates.map((d) => `${d.supplierId} (${d.why.join(", ")})`).join("; ")}`,
          details: { duplicates },
        }
      : {
          check: "duplicate-vendor",
          outcome: "passed",
          reason: "no supplier with the same tax id, bank account, or a similar name at a similar address",
        },
  );
  return { results, hits };
}
