import type { EventTarget } from "./sql/append-event.js";

/**
 * The subscribed targets an event about one trading partner's document goes to: every target that
 * is not a trading partner (the ERP, the bus, a portal), and of the partners only that one — a
 * supplier never receives another supplier's orders or invoice decisions.
 */
export function partnerScoped(
  targets: readonly EventTarget[],
  partner: string,
  partnerSystems: ReadonlySet<string>,
): EventTarget[] {
  return targets.filter((t) => t.target === partner || !partnerSystems.has(t.target));
}
