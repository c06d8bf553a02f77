import { Errors } from "../../errors/index.js";
import type { ContractVersionEvent, PriceAuthorization } from "../../model/index.js";
import { payloadResolver } from "../xref-resolver.js";

/**
 * A contract version as the partner's 845: the contract with its members (eligible facilities, by
 * the partner's ship-to ids) and item prices (by the partner's item numbers), each as an addition
 * for version 1 and a change after. Tier prices travel as member tiers (REF*ZZ TIER) and the
 * contract price per line; a partner needing per-tier line prices needs a richer 845 than this.
 */
export function priceAuthorizationFromContract(event: ContractVersionEvent, system: string): PriceAuthorization {
  const c = event.contract;
  const local = payloadResolver(event, system);
  const need = (type: "supplier" | "item" | "facility", id: string) => {
    const v = local(type, id);
    // The intake refuses a version a target cannot name, so this is a configuration slip.
    if (!v) throw Errors.ConnectorRejected(`${system} has no ${type} id for ${id}`, { entityType: type, id });
    return v;
  };
  const action = c.version === 1 ? "add" : "change";
  return {
    kind: "price-authorization",
    contractNumber: c.number,
    action,
    currency: c.currency,
    effectiveFrom: c.effectiveFrom,
    expiresOn: c.expiresOn,
    parties: [{ role: "supplier", ids: [{ scheme: "buyer-assigned", value: need("supplier", c.supplierId) }] }],
    members: c.eligibility.map((e) => ({
      party: { role: "member", ids: [{ scheme: "buyer-assigned", value: need("facility", e.facilityId) }] },
      action,
      tier: e.tier,
      from: e.from,
      ...(e.to ? { to: e.to } : {}),
    })),
    prices: c.priceLines.map((l) => ({
      item: { buyerPartNo: need("item", l.itemId) },
      action,
      uom: l.uom,
      unitPrice: l.unitPrice,
      ...(l.effectiveFrom ? { from: l.effectiveFrom } : {}),
      ...(l.expiresOn ? { to: l.expiresOn } : {}),
    })),
  };
}
