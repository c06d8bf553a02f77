import { Errors } from "../../errors/index.js";
import { isDecimal } from "../../model/index.js";
import { HOUR_MS } from "../timers/index.js";

/** How a purchase order goes to a supplier's trading partner. */
export type OrderFormat = "x12-850" | "cxml-order-request";

export interface RequisitionOptionsInput {
  /** A requisition whose total exceeds this (decimal string, in its currency) needs an amount approval. Default "5000.00". */
  readonly amountApprovalThreshold?: string;
  /** Item clinical categories that need a clinical (value analysis) approval. Default ["implant"]. */
  readonly clinicalCategories?: readonly string[];
  /** UNSPSC prefixes that need a clinical approval whatever the category. Default orthopedic implants and stents. */
  readonly clinicalUnspscPrefixes?: readonly string[];
  /** Who owns each approval task (a role); `escalation` takes one whose SLA lapsed. */
  readonly approvalOwners?: Partial<Record<"amount" | "clinical" | "off-contract" | "escalation", string>>;
  /** Clients allowed to decide a role's tasks; a role not listed may be decided by any client with requisitions:approve. */
  readonly approvers?: Readonly<Record<string, readonly string[]>>;
  /** How long an approver has before the task escalates. Default 24 h. */
  readonly approvalSlaMs?: number;
  /** Month (1-12) a fiscal year starts; the year is named after the calendar year it ends in. Default 1. */
  readonly fiscalYearStartMonth?: number;
  /** The trading partner (partners[].system) that takes a supplier's orders, by canonical supplier id. */
  readonly supplierPartners?: Readonly<Record<string, string>>;
  /** The partner for suppliers not listed (typically the prime distributor). Default: the only partner, if one. */
  readonly defaultPartner?: string;
  /**
   * A partner's preferred order format; default: what its delivery target sends (an
   * x12-price-authorization target 850s, a cxml-order-request target OrderRequests), else x12-850
   * when it has x12 settings, else cxml-order-request.
   */
  readonly orderFormats?: Readonly<Record<string, OrderFormat>>;
}

export interface RequisitionOptions {
  readonly amountApprovalThreshold: string;
  readonly clinicalCategories: readonly string[];
  readonly clinicalUnspscPrefixes: readonly string[];
  readonly approvalOwners: Readonly<Record<"amount" | "clinical" | "off-contract" | "escalation", string>>;
  readonly approvers: Readonly<Record<string, readonly string[]>>;
  readonly approvalSlaMs: number;
  readonly fiscalYearStartMonth: number;
  readonly supplierPartners: Readonly<Record<string, string>>;
  readonly defaultPartner: string | undefined;
  /** Every configured partner's order format. */
  readonly orderFormats: Readonly<Record<string, OrderFormat>>;
}

/** The partners the options may name, with the formats their settings allow. */
export interface OrderingPartner {
  readonly system: string;
  readonly x12: boolean;
  readonly cxml: boolean;
  /** The kind of the partner's delivery target (targets[].kind), when it has one. */
  readonly target?: string | undefined;
}

/** The order format each target kind sends. */
const FORMAT_OF_TARGET: Readonly<Record<string, OrderFormat>> = {
  "x12-price-authorization": "x12-850",
  "cxml-order-request": "cxml-order-request",
};

/** Validates once and fills the defaults; `partners` are the configured trading partners. */
export function compileRequisitionOptions(
  input: RequisitionOptionsInput = {},
  partners: readonly OrderingPartner[] = [],
): RequisitionOptions {
  const bad = (m: string) => Errors.ConfigInvalid(`requisitionToPo.${m}`);
  const threshold = input.amountApprovalThreshold ?? "5000.00";
  if (!isDecimal(threshold) || threshold.startsWith("-")) throw bad("amountApprovalThreshold must be a decimal ≥ 0");
  const approvalSlaMs = input.approvalSlaMs ?? 24 * HOUR_MS;
  if (!Number.isInteger(approvalSlaMs) || approvalSlaMs < 1)
    throw bad("approvalSlaMs must be a whole number of milliseconds ≥ 1");
  const month = input.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw bad("fiscalYearStartMonth must be 1 to 12");
  const known = new Map(partners.map((p) => [p.system, p]));
  const orderFormats: Record<string, OrderFormat> = {};
  for (const p of partners)
    orderFormats[p.system] = FORMAT_OF_TARGET[p.target ?? ""] ?? (p.x12 ? "x12-850" : "cxml-order-request");
  for (const [system, format] of Object.entries(input.orderFormats ?? {})) {
    const p = known.get(system);
    if (!p) throw bad(`orderFormats: ${system} is not a configured partner`);
    if ((format === "x12-850" && !p.x12) || (format === "cxml-order-request" && !p.cxml))
      throw bad(
        `orderFormats: partner ${system} has no ${format === "x12-850" ? "x12" : "cxml"} settings for ${format}`,
      );
    if (format !== "x12-850" && format !== "cxml-order-request")
      throw bad(`orderFormats: ${system}: format must be "x12-850" or "cxml-order-request"`);
    const sent = FORMAT_OF_TARGET[p.target ?? ""];
    if (sent !== undefined && sent !== format)
      throw bad(`orderFormats: partner ${system}'s target is a ${p.target} target, which sends ${sent}, not ${format}`);
    orderFormats[system] = format;
  }
  for (const [supplier, system] of Object.entries(input.supplierPartners ?? {}))
    if (!known.has(system))
      throw bad(`supplierPartners: ${supplier} names ${system}, which is not a configured partner`);
  if (input.defaultPartner !== undefined && !known.has(input.defaultPartner))
    throw bad(`defaultPartner: ${input.defaultPartner} is not a configured partner`);
  for (const prefix of input.clinicalUnspscPrefixes ?? [])
    if (!/^\d{2,8}$/.test(prefix)) throw bad(`clinicalUnspscPrefixes: ${prefix} is not 2-8 UNSPSC digits`);
  return {
    amountApprovalThreshold: threshold,
    clinicalCategories: input.clinicalCategories ?? ["implant"],
    // 4232: orthopedic and prosthetic implants; 422034: vascular stents and grafts.
    clinicalUnspscPrefixes: input.clinicalUnspscPrefixes ?? ["4232", "422034"],
    approvalOwners: {
      amount: "department-head",
      clinical: "value-analysis-committee",
      "off-contract": "purchasing",
      escalation: "supply-chain-director",
      ...input.approvalOwners,
    },
    approvers: input.approvers ?? {},
    approvalSlaMs,
    fiscalYearStartMonth: month,
    supplierPartners: input.supplierPartners ?? {},
    defaultPartner: input.defaultPartner ?? (partners.length === 1 ? partners[0]!.system : undefined),
    orderFormats,
  };
}
