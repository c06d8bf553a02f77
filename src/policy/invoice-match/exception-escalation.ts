import { Errors } from "../../errors/index.js";
import type { Urgency } from "./exception-routing.js";

const URGENCIES: readonly Urgency[] = ["financial", "compliance", "clinical"];

/** Who owns open invoice exceptions at each level, and how long each escalated level has. */
export interface ExceptionEscalation {
  /** Per urgency, the owners above the first one, in order (the escalation chain). */
  readonly chains: Readonly<Record<Urgency, readonly string[]>>;
  /** Per urgency, hours an escalated exception has before it escalates again. */
  readonly hours: Readonly<Record<Urgency, number>>;
}

export interface ExceptionEscalationInput {
  readonly chains?: { readonly [U in Urgency]?: readonly string[] };
  readonly hours?: { readonly [U in Urgency]?: number };
}

/**
 * Financial exceptions climb through accounts payable, compliance ones through contract compliance,
 * clinical ones through supply chain clinical (a held implant invoice stalls a case log).
 */
export const DEFAULT_EXCEPTION_ESCALATION: ExceptionEscalation = Object.freeze({
  chains: Object.freeze({
    financial: Object.freeze(["accounts-payable", "ap-manager", "controller"]),
    compliance: Object.freeze(["contract-compliance", "compliance-officer"]),
    clinical: Object.freeze(["supply-chain-clinical", "clinical-supply-director"]),
  }),
  hours: Object.freeze({ financial: 24, compliance: 24, clinical: 4 }),
});

/** Validates once and fills defaults per urgency; the result has no optional fields. */
export function compileExceptionEscalation(input: ExceptionEscalationInput = {}): ExceptionEscalation {
  const fail = (option: string, msg: string): never => {
    throw Errors.ConfigInvalid(`invoiceExceptions.${option} ${msg}`, { option: `invoiceExceptions.${option}` });
  };
  for (const key of [...Object.keys(input.chains ?? {}), ...Object.keys(input.hours ?? {})]) {
    if (!(URGENCIES as readonly string[]).includes(key)) fail(key, `is not an urgency (${URGENCIES.join(", ")})`);
  }
  const chains = {} as Record<Urgency, readonly string[]>;
  const hours = {} as Record<Urgency, number>;
  for (const u of URGENCIES) {
    const chain = input.chains?.[u] ?? DEFAULT_EXCEPTION_ESCALATION.chains[u];
    if (!Array.isArray(chain) || chain.length === 0) fail(`chains.${u}`, "must list at least one owner");
    for (const owner of chain) {
      if (typeof owner !== "string" || !/^[a-z][a-z0-9-]{0,59}$/.test(owner)) {
        fail(`chains.${u}`, `has "${String(owner)}": owners are lower-case names of at most 60 characters`);
      }
    }
    chains[u] = Object.freeze([...chain]);
    const h = input.hours?.[u] ?? DEFAULT_EXCEPTION_ESCALATION.hours[u];
    if (!Number.isInteger(h) || h < 1 || h > 24 * 365) {
      fail(`hours.${u}`, `must be a whole number of hours from 1 to 8760, got ${String(h)}`);
    }
    hours[u] = h;
  }
  return Object.freeze({ chains: Object.freeze(chains), hours: Object.freeze(hours) });
}

/**
 * The owners of an exception level by level: the queue it was routed to (by type), then the
 * urgency's chain, without repeating an owner. Clinical exceptions start at the clinical chain:
 * supply chain clinical owns them from the moment they are raised.
 *
 * @example ownerChain("receiving", "financial", esc) // ["receiving", "accounts-payable", "ap-manager", "controller"]
 */
export function ownerChain(queue: string, urgency: Urgency, escalation: ExceptionEscalation): readonly string[] {
  const chain = escalation.chains[urgency];
  const all = urgency === "clinical" ? chain : [queue, ...chain];
  return [...new Set(all)];
}

/** The next step up from `level`, or null at the top of the chain (the top owner keeps it). */
export function nextEscalation(
  chain: readonly string[],
  level: number,
  urgency: Urgency,
  escalation: ExceptionEscalation,
  now: Date,
): { readonly level: number; readonly owner: string; readonly dueAt: Date } | null {
  if (level + 1 >= chain.length) return null;
  return {
    level: level + 1,
    owner: chain[level + 1]!,
    dueAt: new Date(now.getTime() + escalation.hours[urgency] * 3_600_000),
  };
}
