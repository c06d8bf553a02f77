import { Errors } from "../../errors/index.js";
import type { Item } from "../../model/index.js";
import { EXCEPTION_TYPES, type ExceptionType, type MatchException } from "./match-exception.js";

export type Urgency = "financial" | "compliance" | "clinical";
const URGENCIES: readonly Urgency[] = ["financial", "compliance", "clinical"];
type ClinicalCategory = Item["clinicalCategory"];
const CATEGORIES: readonly ClinicalCategory[] = ["med-surg", "implant", "pharmacy", "lab", "non-clinical"];

export interface Route {
  /** The work queue that owns the exception. */
  readonly queue: string;
  readonly urgency: Urgency;
  /** Hours from raising to due. */
  readonly slaHours: number;
}

/** Clinical items jump to clinical urgency whatever the exception: a held implant invoice can stall a case log. */
export interface ClinicalOverride {
  readonly categories: readonly ClinicalCategory[];
  /** Also treat bill-only / two-way lines as clinical (they are implants used in a procedure). */
  readonly twoWayLines: boolean;
  /** Replaces the type's queue; null keeps it (the pricing analyst still owns an implant price variance). */
  readonly queue: string | null;
  readonly slaHours: number;
}

export interface ExceptionRouting {
  readonly routes: Readonly<Record<ExceptionType, Route>>;
  readonly clinical: ClinicalOverride;
}

export interface ExceptionRoutingInput {
  readonly routes?: { readonly [T in ExceptionType]?: Partial<Route> };
  readonly clinical?: Partial<ClinicalOverride>;
}

/** DOMAIN.md §5.1: price/contract to pricing and compliance, quantity/receipt to receiving, PO-not-found and duplicates to AP. */
export const DEFAULT_EXCEPTION_ROUTING: ExceptionRouting = Object.freeze({
  routes: Object.freeze<Record<ExceptionType, Route>>({
    price: { queue: "pricing-analyst", urgency: "financial", slaHours: 48 },
    quantity: { queue: "receiving", urgency: "financial", slaHours: 48 },
    uom: { queue: "item-master", urgency: "financial", slaHours: 48 },
    "missing-receipt": { queue: "receiving", urgency: "financial", slaHours: 72 },
    "off-contract": { queue: "contract-compliance", urgency: "compliance", slaHours: 24 },
    "duplicate-invoice": { queue: "accounts-payable", urgency: "financial", slaHours: 24 },
    "unmatched-line": { queue: "accounts-payable", urgency: "financial", slaHours: 72 },
    "unsupported-document": { queue: "accounts-payable", urgency: "financial", slaHours: 72 },
  }),
  clinical: Object.freeze<ClinicalOverride>({ categories: ["implant"], twoWayLines: true, queue: null, slaHours: 8 }),
});

/** Validates once and fills defaults per exception type; the result has no optional fields. */
export function compileExceptionRouting(input: ExceptionRoutingInput = {}): ExceptionRouting {
  const fail = (option: string, msg: string): never => {
    throw Errors.ConfigInvalid(`exception routing ${option} ${msg}`, { option });
  };
  const routes = {} as Record<ExceptionType, Route>;
  for (const key of Object.keys(input.routes ?? {})) {
    if (!(EXCEPTION_TYPES as readonly string[]).includes(key)) fail("routes", `has unknown exception type "${key}"`);
  }
  for (const type of EXCEPTION_TYPES) {
    const r: Route = { ...DEFAULT_EXCEPTION_ROUTING.routes[type], ...defined(input.routes?.[type]) };
    checkQueue(`routes.${type}.queue`, r.queue, fail);
    if (!URGENCIES.includes(r.urgency)) fail(`routes.${type}.urgency`, `must be one of ${URGENCIES.join(", ")}`);
    checkHours(`routes.${type}.slaHours`, r.slaHours, fail);
    routes[type] = Object.freeze(r);
  }
  const c: ClinicalOverride = { ...DEFAULT_EXCEPTION_ROUTING.clinical, ...defined(input.clinical) };
  if (!Array.isArray(c.categories) || c.categories.some((x) => !CATEGORIES.includes(x))) {
    fail("clinical.categories", `must list categories from ${CATEGORIES.join(", ")}`);
  }
  if (typeof c.twoWayLines !== "boolean") fail("clinical.twoWayLines", "must be a boolean");
  if (c.queue !== null) checkQueue("clinical.queue", c.queue, fail);
  checkHours("clinical.slaHours", c.slaHours, fail);
  return Object.freeze({
    routes: Object.freeze(routes),
    clinical: Object.freeze({ ...c, categories: Object.freeze([...c.categories]) }),
  });
}

function checkQueue(option: string, q: unknown, fail: (o: string, m: string) => never): void {
  if (typeof q !== "string" || q.trim() === "" || q.length > 80)
    fail(option, "must be a non-empty name of at most 80 characters");
}

function checkHours(option: string, h: unknown, fail: (o: string, m: string) => never): void {
  if (typeof h !== "number" || !Number.isInteger(h) || h < 1 || h > 24 * 365) {
    fail(option, `must be a whole number of hours from 1 to 8760, got ${String(h)}`);
  }
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface RoutedException extends MatchException {
  readonly route: Route & {
    /** ISO-8601 instant the match raised the exception (the clock passed to the engine). */
    readonly raisedAt: string;
    readonly dueAt: string;
  };
}

/** Assigns the owner queue, urgency and due time; clinical items override urgency (and the queue if configured). */
export function routeException(e: MatchException, routing: ExceptionRouting, now: Date): RoutedException {
  const base = routing.routes[e.type];
  const clinical =
    e.lineId !== null &&
    ((e.clinicalCategory !== null && routing.clinical.categories.includes(e.clinicalCategory)) ||
      (e.twoWay && routing.clinical.twoWayLines));
  const route: Route = clinical
    ? {
        queue: routing.clinical.queue ?? base.queue,
        urgency: "clinical",
        slaHours: Math.min(base.slaHours, routing.clinical.slaHours),
      }
    : base;
  const raisedAt = now.getTime();
  return {
    ...e,
    route: {
      ...route,
      raisedAt: new Date(raisedAt).toISOString(),
      dueAt: new Date(raisedAt + route.slaHours * 3_600_000).toISOString(),
    },
  };
}
