import { Errors } from "../../errors/index.js";
import {
  compileExceptionEscalation,
  type ExceptionEscalation,
  type ExceptionEscalationInput,
} from "../../policy/index.js";

/** `invoiceExceptions` in the hub configuration. */
export interface InvoiceExceptionOptionsInput {
  /** Escalation chains and hours per urgency (docs/configuration.md). */
  readonly escalation?: ExceptionEscalationInput;
  /** The ERP target that keeps accounts payable; default the `erp-purchasing` target. */
  readonly erpSystem?: string;
  /** Systems that may send goods receipts (POST /v1/receipts). Default erp and procurement. */
  readonly receiptSystems?: readonly string[];
}

export interface InvoiceExceptionOptions {
  readonly escalation: ExceptionEscalation;
  /** Null when no ERP target is configured: decisions then go only to subscribers. */
  readonly erpSystem: string | null;
  readonly receiptSystems: readonly string[];
}

/** Validates once; `targets` are the configured target systems (erpSystem must be one of them). */
export function compileInvoiceExceptionOptions(
  input: InvoiceExceptionOptionsInput | undefined,
  defaultErp: string | null,
  targets: readonly string[],
): InvoiceExceptionOptions {
  const erpSystem = input?.erpSystem ?? defaultErp;
  if (erpSystem !== null && input?.erpSystem !== undefined && !targets.includes(erpSystem)) {
    throw Errors.ConfigInvalid(`invoiceExceptions.erpSystem "${erpSystem}" is not a configured target`, {
      option: "invoiceExceptions.erpSystem",
    });
  }
  const receiptSystems = input?.receiptSystems ?? ["erp", "procurement"];
  if (!Array.isArray(receiptSystems) || receiptSystems.some((s) => typeof s !== "string" || s === "")) {
    throw Errors.ConfigInvalid("invoiceExceptions.receiptSystems must list system names", {
      option: "invoiceExceptions.receiptSystems",
    });
  }
  return Object.freeze({
    escalation: compileExceptionEscalation(input?.escalation),
    erpSystem,
    receiptSystems: Object.freeze([...receiptSystems]),
  });
}
