import { Errors } from "../../errors/index.js";
import {
  addDecimal,
  type Contract,
  type CostCenter,
  compareDecimal,
  type Item,
  multiplyDecimal,
  type Requisition,
  roundDecimal,
  subtractDecimal,
} from "../../model/index.js";
import { resolveEffectivePrice } from "../../policy/index.js";
import { type Queryable, releasedVersionsPricing } from "../../store/index.js";
import { fiscalYearOf, readBudget } from "./cost-center-budget.js";
import type { RequisitionOptions } from "./requisition-options.js";
import type { ApprovalKind } from "./requisition-status.js";

export type Outcome = "passed" | "flagged" | "failed";

export interface CheckOutcome {
  readonly check: "item-active" | "contract-price" | "clinical-category";
  readonly outcome: Outcome;
  readonly reason: string;
}

/** One line's verdict: every check with its reason, and the price and supplier its PO line will have. */
export interface LineCheck {
  readonly lineId: string;
  readonly itemId: string;
  /** The worst of its checks. */
  readonly outcome: Outcome;
  readonly checks: readonly CheckOutcome[];
  /** The price the PO will carry: the contract's when there is one, else the requester's. */
  readonly unitPrice: string | null;
  readonly contract: { readonly number: string; readonly version: number; readonly unitPrice: string } | null;
  readonly supplierId: string | null;
  readonly extended: string | null;
  readonly clinical: boolean;
}

export interface RequisitionCheck {
  readonly checkedOn: string;
  readonly lines: readonly LineCheck[];
  readonly total: string;
  readonly currency: string;
  readonly budget: {
    readonly outcome: Outcome;
    readonly fiscalYear: number;
    readonly amount: string | null;
    readonly committed: string | null;
    readonly available: string | null;
    readonly reason: string;
  };
  /** The approvals the requisition needs before it becomes a PO, each with why. */
  readonly approvals: readonly { readonly kind: ApprovalKind; readonly reason: string }[];
  /** A failed line or budget: the requisition cannot become a PO as it is. */
  readonly blocked: boolean;
}

const worst = (o: readonly CheckOutcome[]): Outcome =>
  o.some((c) => c.outcome === "failed") ? "failed" : o.some((c) => c.outcome === "flagged") ? "flagged" : "passed";

/**
 * Checks a requisition against the store as it is now, line by line: the item exists and is
 * active, the contract price for the facility on the day (a different quoted price is flagged, no
 * contract price at all is off-contract and needs purchasing's approval), clinical categories,
 * then the cost center's remaining budget and the amount threshold. Unknown facility or cost
 * center refuses the whole requisition (422): there is nothing to check it against.
 */
export async function checkRequisition(
  tx: Queryable,
  options: RequisitionOptions,
  req: Requisition,
  today: string,
): Promise<RequisitionCheck> {
  const [facility] = await tx.query("SELECT 1 FROM canonical_records WHERE entity_type = 'facility' AND id = $1", [
    req.facilityId,
  ]);
  const [costCenter] = await tx.query<{ body: CostCenter }>(
    "SELECT body FROM canonical_records WHERE entity_type = 'cost-center' AND id = $1",
    [req.costCenterId],
  );
  if (!facility) throw Errors.ReferenceUnknown(`no facility ${req.facilityId}`, { pointer: "/facilityId" });
  if (!costCenter && !(await hasBudgetRows(tx, req.costCenterId)))
    throw Errors.ReferenceUnknown(`no cost center ${req.costCenterId}`, { pointer: "/costCenterId" });
  if (costCenter && costCenter.body.facilityId !== req.facilityId)
    throw Errors.ReferenceUnknown(
      `cost center ${req.costCenterId} belongs to facility ${costCenter.body.facilityId}, not ${req.facilityId}`,
      { pointer: "/costCenterId" },
    );
  const ids = [...new Set(req.lines.map((l) => l.itemId))];
  const items = new Map(
    (
      await tx.query<{ body: Item }>(
        "SELECT body FROM canonical_records WHERE entity_type = 'item' AND id = ANY($1::text[])",
        [ids],
      )
    ).map((r) => [r.body.id, r.body]),
  );
  let currency: string | undefined;
  const lines: LineCheck[] = [];
  for (const line of req.lines) {
    const item = items.get(line.itemId);
    const checks: CheckOutcome[] = [];
    if (!item) {
      checks.push({ check: "item-active", outcome: "failed", reason: `no item ${line.itemId} in the item master` });
      lines.push({ ...blank(line), outcome: "failed", checks });
      continue;
    }
    checks.push(
      item.status === "active"
        ? { check: "item-active", outcome: "passed", reason: "the item is active" }
        : {
            check: "item-active",
            outcome: "failed",
            reason: `item ${item.id} is inactive: it can no longer be ordered`,
          },
    );
    const versions: Contract[] = await releasedVersionsPricing(tx, item.id);
    const price = resolveEffectivePrice(
      versions,
      { itemId: item.id, facilityId: req.facilityId, on: today, uom: line.uom },
      new Map([[item.id, item]]),
    );
    let unitPrice: string | null = null;
    let supplierId: string | null = null;
    let contract: LineCheck["contract"] = null;
    if (price) {
      unitPrice = price.unitPrice;
      currency ??= price.currency;
      supplierId = versions.find((v) => v.id === price.contractId)?.supplierId ?? null;
      contract = { number: price.contractNumber, version: price.version, unitPrice: price.unitPrice };
      checks.push(
        line.unitPrice === undefined || compareDecimal(line.unitPrice, price.unitPrice) === 0
          ? {
              check: "contract-price",
              outcome: "passed",
              reason: `contract ${price.contractNumber} prices it at ${price.unitPrice} per ${price.uom}`,
            }
          : {
              check: "contract-price",
              outcome: "flagged",
              reason: `quoted ${line.unitPrice} but contract ${price.contractNumber} prices it at ${price.unitPrice} per ${price.uom}; the PO carries the contract price`,
            },
      );
    } else {
      // Off contract: the item's latest contract anywhere names its supplier; the quoted price stands.
      supplierId = [...versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]?.supplierId ?? null;
      unitPrice = line.unitPrice ?? null;
      checks.push(
        unitPrice === null
          ? {
              check: "contract-price",
              outcome: "failed",
              reason: `no active contract price for ${item.id} at ${req.facilityId} on ${today}, and the line quotes none`,
            }
          : supplierId === null
            ? {
                check: "contract-price",
                outcome: "failed",
                reason: `no contract names a supplier for ${item.id}: it cannot be ordered through Concord`,
              }
            : {
                check: "contract-price",
                outcome: "flagged",
                reason: `off contract: no active contract price for ${item.id} at ${req.facilityId} on ${today}; purchasing must approve ${unitPrice}`,
              },
      );
    }
    const clinical =
      options.clinicalCategories.includes(item.clinicalCategory) ||
      options.clinicalUnspscPrefixes.some((p) => item.unspsc.startsWith(p));
    checks.push({
      check: "clinical-category",
      outcome: clinical ? "flagged" : "passed",
      reason: clinical
        ? `${item.clinicalCategory} (UNSPSC ${item.unspsc}) needs clinical approval`
        : `${item.clinicalCategory} needs no clinical approval`,
    });
    const extended = unitPrice === null ? null : roundDecimal(multiplyDecimal(unitPrice, line.quantity), 2);
    lines.push({
      lineId: line.lineId,
      itemId: line.itemId,
      outcome: worst(checks),
      checks,
      unitPrice,
      contract,
      supplierId,
      extended,
      clinical,
    });
  }
  const total = lines.reduce((sum, l) => (l.extended ? addDecimal(sum, l.extended) : sum), "0.00");
  const fiscalYear = fiscalYearOf(today, options.fiscalYearStartMonth);
  const row = await readBudget(tx, req.costCenterId, fiscalYear);
  const available = row ? subtractDecimal(row.amount, row.committed) : null;
  const budget: RequisitionCheck["budget"] =
    row && available !== null
      ? {
          outcome: compareDecimal(total, available) <= 0 ? "passed" : "failed",
          fiscalYear,
          amount: row.amount,
          committed: row.committed,
          available,
          reason:
            compareDecimal(total, available) <= 0
              ? `${total} fits the ${available} left of cost center ${req.costCenterId}'s FY${fiscalYear} budget`
              : `${total} exceeds the ${available} left of cost center ${req.costCenterId}'s FY${fiscalYear} budget`,
        }
      : {
          outcome: "failed",
          fiscalYear,
          amount: null,
          committed: null,
          available: null,
          reason: `cost center ${req.costCenterId} has no FY${fiscalYear} budget`,
        };
  const approvals: { kind: ApprovalKind; reason: string }[] = [];
  if (compareDecimal(total, options.amountApprovalThreshold) > 0)
    approvals.push({
      kind: "amount",
      reason: `total ${total} is above the ${options.amountApprovalThreshold} threshold`,
    });
  const clinicalLines = lines.filter((l) => l.clinical).map((l) => l.lineId);
  if (clinicalLines.length > 0)
    approvals.push({ kind: "clinical", reason: `line(s) ${clinicalLines.join(", ")} are clinical items` });
  const offContract = lines.filter((l) => l.contract === null && l.outcome !== "failed").map((l) => l.lineId);
  if (offContract.length > 0)
    approvals.push({ kind: "off-contract", reason: `line(s) ${offContract.join(", ")} are off contract` });
  const blocked = budget.outcome === "failed" || lines.some((l) => l.outcome === "failed");
  return { checkedOn: today, lines, total, currency: currency ?? "USD", budget, approvals, blocked };
}

function blank(line: Requisition["lines"][number]) {
  return {
    lineId: line.lineId,
    itemId: line.itemId,
    unitPrice: null,
    contract: null,
    supplierId: null,
    extended: null,
    clinical: false,
  };
}

async function hasBudgetRows(tx: Queryable, costCenterId: string): Promise<boolean> {
  return (
    (await tx.query("SELECT 1 FROM cost_center_budgets WHERE cost_center_id = $1 LIMIT 1", [costCenterId])).length > 0
  );
}
