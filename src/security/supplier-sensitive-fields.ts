import type { BankAccount, Supplier, SupplierSensitiveField } from "../model/index.js";
import type { Queryable } from "../store/index.js";
import { type FieldCipher, maskTail } from "./field-cipher.js";
import { readSensitiveFieldRows, type SensitiveFieldRow, sensitiveContext } from "./sensitive-field-rows.js";

/** A supplier's sensitive values in clear: only ever in memory, never stored or logged. */
export interface SupplierSensitiveValues {
  readonly taxId?: string;
  readonly bankAccount?: BankAccount;
}

/** What a caller without `pii:read` (and every outbound event) sees instead. */
export interface MaskedSupplierSensitiveValues {
  readonly taxId?: string;
  readonly bankAccount?: {
    readonly routingNumber: string;
    readonly accountNumber: string;
    readonly accountType: BankAccount["accountType"];
  };
}

/**
 * The text sealed for a field. A bank account is JSON with a fixed key order, so the same account
 * always gives the same fingerprint whatever order its fields arrived in.
 */
export function serializeSensitive(field: SupplierSensitiveField, values: SupplierSensitiveValues): string | undefined {
  if (field === "taxId") return values.taxId;
  const a = values.bankAccount;
  if (!a) return undefined;
  return JSON.stringify({
    routingNumber: a.routingNumber,
    accountNumber: a.accountNumber,
    accountType: a.accountType,
    ...(a.accountName === undefined ? {} : { accountName: a.accountName }),
  });
}

function parseSensitive(field: string, text: string): SupplierSensitiveValues {
  if (field === "taxId") return { taxId: text };
  if (field === "bankAccount") return { bankAccount: JSON.parse(text) as BankAccount };
  return {};
}

/**
 * Masks for display: the last 4 digits of the tax id, routing and account numbers (an account
 * number under 8 digits is masked whole); the account holder's name is left out.
 *
 * @example maskSupplierSensitive({ taxId: "123456789" }) → { taxId: "*****6789" }
 */
export function maskSupplierSensitive(values: SupplierSensitiveValues): MaskedSupplierSensitiveValues {
  const a = values.bankAccount;
  return {
    ...(values.taxId === undefined ? {} : { taxId: maskTail(values.taxId) }),
    ...(a
      ? {
          bankAccount: {
            routingNumber: maskTail(a.routingNumber),
            accountNumber: maskTail(a.accountNumber),
            accountType: a.accountType,
          },
        }
      : {}),
  };
}

/** One encrypted row per sensitive value the supplier has, under the active key. */
export function sealSupplierSensitive(
  cipher: FieldCipher,
  supplierId: string,
  field: SupplierSensitiveField,
  plaintext: string,
): SensitiveFieldRow {
  const context = sensitiveContext("supplier", supplierId, field);
  return {
    entityType: "supplier",
    entityId: supplierId,
    field,
    keyId: cipher.activeKeyId,
    envelope: cipher.encrypt(plaintext, context),
    fingerprint: cipher.fingerprint(plaintext, context),
  };
}

/** Decrypts the sensitive values of these suppliers (absent ids have none). */
export async function readSupplierSensitive(
  q: Queryable,
  cipher: FieldCipher,
  ids: readonly string[],
): Promise<Map<string, SupplierSensitiveValues>> {
  const out = new Map<string, SupplierSensitiveValues>();
  for (const row of await readSensitiveFieldRows(q, "supplier", ids)) {
    const text = cipher.decrypt(row.envelope, sensitiveContext("supplier", row.entityId, row.field));
    out.set(row.entityId, { ...out.get(row.entityId), ...parseSensitive(row.field, text) });
  }
  return out;
}

/** The supplier as a caller sees it: clear values with `pii:read`, masked ones without. */
export function withSensitive(
  supplier: Supplier,
  values: SupplierSensitiveValues | undefined,
  clear: boolean,
): Supplier | (Omit<Supplier, "taxId" | "bankAccount"> & MaskedSupplierSensitiveValues) {
  if (!values) return supplier;
  return { ...supplier, ...(clear ? values : maskSupplierSensitive(values)) };
}
