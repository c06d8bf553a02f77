import type { Dispatcher } from "../events/index.js";
import type { Store } from "../store/index.js";
import type { CxmlIntakeDeps, PartnerIntakeDeps, X12IntakeDeps } from "../workflows/partner-documents/index.js";
import type { HubConfig } from "./config.js";
import { x12Key, x12PartnerOf } from "./partner-config.js";

/** What the partner-document intake needs, from the configuration and this process's dispatcher. */
export function partnerIntake(
  config: HubConfig,
  store: Store,
  dispatcher: Dispatcher,
  onOutboxWrite: () => void,
): { x12: X12IntakeDeps; cxml: CxmlIntakeDeps } {
  const base: PartnerIntakeDeps = {
    store,
    recordFunctionalAcks: (tx, target, acks) => dispatcher.recordFunctionalAcks(tx, target, acks),
    subscribers: targetSubscribers(config),
    onOutboxWrite,
  };
  return {
    x12: {
      ...base,
      findPartner: (qualifier, id) => config.partners.x12.get(x12Key(qualifier, id)),
      x12PartnerOf: (system) => x12PartnerOf(config.partners, system),
      identity: config.partners.x12Identity,
    },
    cxml: { ...base, cxmlPartners: config.partners.cxml },
  };
}

/** The configured targets that receive an event type (their `events` list it, or "*"); never required. */
export function targetSubscribers(config: Pick<HubConfig, "targets">) {
  return (eventType: string) =>
    config.targets
      .filter((t) => t.events.includes(eventType) || t.events.includes("*"))
      .map((t) => ({ target: t.system, required: false }));
}
