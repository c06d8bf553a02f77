import { compareDecimal } from "./decimal.js";
import type { Issue } from "./issue.js";
import type { Contract, Eligibility } from "./schemas/contract.js";

/**
 * Business rules a schema cannot express. They assume the contract already passed the schema
 * (dates are YYYY-MM-DD, so string order is date order; percents are decimal strings).
 */
export function checkContractRules(c: Contract): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, rule: string, message: string) => issues.push({ path, rule, message });

  if (c.expiresOn < c.effectiveFrom) {
    add("/expiresOn", "contract.dates-ordered", `expiresOn ${c.expiresOn} is before effectiveFrom ${c.effectiveFrom}`);
  }

  const lineNos = new Map<number, number>();
  const itemUoms = new Map<string, number>();
  c.priceLines.forEach((line, i) => {
    const at = `/priceLines/${i}`;
    const firstNo = lineNos.get(line.lineNo);
    if (firstNo !== undefined) {
      add(`${at}/lineNo`, "contract.line-no-unique", `lineNo ${line.lineNo} is used by priceLines ${firstNo} and ${i}`);
    } else lineNos.set(line.lineNo, i);

    // One price per (item, uom): two would make the effective price depend on line order.
    const key = `${line.itemId}\u0000${line.uom}`;
    const firstItem = itemUoms.get(key);
    if (firstItem !== undefined) {
      add(
        at,
        "contract.line-item-uom-unique",
        `item ${line.itemId} in ${line.uom} is priced twice (priceLines ${firstItem} and ${i})`,
      );
    } else itemUoms.set(key, i);

    for (const field of ["effectiveFrom", "expiresOn"] as const) {
      const date = line[field];
      if (date !== undefined && (date < c.effectiveFrom || date > c.expiresOn)) {
        add(
          `${at}/${field}`,
          "contract.line-inside-contract",
          `line ${line.lineNo} ${field} ${date} is outside the contract window ${c.effectiveFrom}..${c.expiresOn}`,
        );
      }
    }
    if (line.effectiveFrom !== undefined && line.expiresOn !== undefined && line.expiresOn < line.effectiveFrom) {
      add(
        `${at}/expiresOn`,
        "contract.line-dates-ordered",
        `line ${line.lineNo} expiresOn ${line.expiresOn} is before its effectiveFrom ${line.effectiveFrom}`,
      );
    }

    const tiers = new Map<number, number>();
    line.tierPrices.forEach((tp, j) => {
      const first = tiers.get(tp.tier);
      if (first !== undefined) {
        add(
          `${at}/tierPrices/${j}/tier`,
          "contract.tier-unique",
          `line ${line.lineNo} has two prices for tier ${tp.tier} (tierPrices ${first} and ${j})`,
        );
      } else tiers.set(tp.tier, j);
    });
  });

  checkEligibility(c.eligibility, add);

  c.rebates.forEach((r, k) => {
    if (compareDecimal(r.percent, "0") < 0 || compareDecimal(r.percent, "100") > 0) {
      add(
        `/rebates/${k}/percent`,
        "contract.rebate-percent-range",
        `rebate percent ${r.percent} must be between 0 and 100`,
      );
    }
  });
  return issues;
}

/** Open-ended windows (no `to`) run forever; "\uffff" sorts after every date. */
const END = "\uffff";

function checkEligibility(
  eligibility: readonly Eligibility[],
  add: (path: string, rule: string, message: string) => void,
): void {
  const byFacility = new Map<string, number[]>();
  eligibility.forEach((e, j) => {
    if (e.to !== undefined && e.to < e.from) {
      add(
        `/eligibility/${j}/to`,
        "contract.eligibility-dates-ordered",
        `eligibility of facility ${e.facilityId} ends ${e.to}, before it starts ${e.from}`,
      );
      return; // an inverted window cannot overlap meaningfully; report it once
    }
    const list = byFacility.get(e.facilityId) ?? [];
    list.push(j);
    byFacility.set(e.facilityId, list);
  });

  // Two live entries for one facility would make its tier ambiguous on the overlapping days.
  for (const indexes of byFacility.values()) {
    if (indexes.length < 2) continue;
    const sorted = [...indexes].sort((a, b) => (eligibility[a]!.from < eligibility[b]!.from ? -1 : 1));
    let reach = sorted[0]!; // the entry whose window ends latest so far
    for (const j of sorted.slice(1)) {
      const prev = eligibility[reach]!;
      const cur = eligibility[j]!;
      if (cur.from <= (prev.to ?? END)) {
        add(
          `/eligibility/${j}`,
          "contract.eligibility-overlap",
          `facility ${cur.facilityId} is listed twice with overlapping windows (eligibility ${reach} and ${j})`,
        );
      }
      if ((cur.to ?? END) > (prev.to ?? END)) reach = j;
    }
  }
}
