import { abaRoutingNumberProblem } from "../../model/identifiers/aba-routing-number.js";
import { describeShape, normalizeTin } from "../../model/identifiers/tin.js";
import type { Issue } from "../../model/index.js";
import type { SupplierSensitiveValues } from "../../security/index.js";

export interface SensitiveSplit {
  /** The record without `taxId` and `bankAccount`: what the schema check and the store see. */
  readonly rest: unknown;
  /** The sensitive values, normalised (a TIN as 9 digits); only when there are no issues. */
  readonly values: SupplierSensitiveValues;
  readonly issues: readonly Issue[];
}

const ACCOUNT_TYPES = ["checking", "savings"];
const BANK_ACCOUNT_FIELDS = new Set(["routingNumber", "accountNumber", "accountType", "accountName"]);

/**
 * Takes a supplier's tax id and bank account out of the record as sent, before anything else looks
 * at it: the generic schema check repeats a bad value in its message, and a message may end up in
 * the audit log or a log line. These checks say which field and why, never what was sent.
 */
export function takeSensitiveSupplierFields(raw: unknown): SensitiveSplit {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { rest: raw, values: {}, issues: [] };
  const { taxId, bankAccount, ...rest } = raw as Record<string, unknown>;
  const issues: Issue[] = [];
  let values: { taxId?: string; bankAccount?: SupplierSensitiveValues["bankAccount"] } = {};
  if (taxId !== undefined) {
    const checked = typeof taxId === "string" ? normalizeTin(taxId) : undefined;
    if (checked?.ok) values = { ...values, taxId: checked.value };
    else
      issues.push(
        issue("/taxId", "identifier.tin", `taxId ${checked?.reason ?? `must be text (got ${kindOf(taxId)})`}`),
      );
  }
  if (bankAccount !== undefined) {
    const account = checkBankAccount(bankAccount, issues);
    if (account) values = { ...values, bankAccount: account };
  }
  return { rest, values: issues.length > 0 ? {} : values, issues };
}

function checkBankAccount(value: unknown, issues: Issue[]): SupplierSensitiveValues["bankAccount"] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push(issue("/bankAccount", "schema", `bankAccount must be an object (got ${kindOf(value)})`));
    return undefined;
  }
  const a = value as Record<string, unknown>;
  const before = issues.length;
  for (const key of Object.keys(a)) {
    if (!BANK_ACCOUNT_FIELDS.has(key))
      issues.push(issue(`/bankAccount/${key}`, "schema", `bankAccount.${key} is not a known field`));
  }
  const routing = a.routingNumber;
  const routingProblem =
    typeof routing === "string" ? abaRoutingNumberProblem(routing) : `is required as text (got ${kindOf(routing)})`;
  if (routingProblem)
    issues.push(issue("/bankAccount/routingNumber", "identifier.aba", `bankAccount.routingNumber ${routingProblem}`));
  const number = a.accountNumber;
  if (typeof number !== "string" || !/^\d{4,17}$/.test(number)) {
    const got = typeof number === "string" ? describeShape(number) : kindOf(number);
    issues.push(
      issue("/bankAccount/accountNumber", "schema", `bankAccount.accountNumber must be 4 to 17 digits (got ${got})`),
    );
  }
  if (typeof a.accountType !== "string" || !ACCOUNT_TYPES.includes(a.accountType)) {
    issues.push(issue("/bankAccount/accountType", "schema", "bankAccount.accountType must be checking or savings"));
  }
  const name = a.accountName;
  if (name !== undefined && (typeof name !== "string" || name.length < 1 || name.length > 200)) {
    issues.push(issue("/bankAccount/accountName", "schema", "bankAccount.accountName must be 1 to 200 characters"));
  }
  if (issues.length > before) return undefined;
  return {
    routingNumber: routing as string,
    accountNumber: number as string,
    accountType: a.accountType as "checking" | "savings",
    ...(name === undefined ? {} : { accountName: name as string }),
  };
}

const issue = (path: string, rule: string, message: string): Issue => ({ path, rule, message });

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "a list" : `a ${typeof v}`);
