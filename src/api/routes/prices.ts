import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { Id, IsoDate, type Uom, UomSchema } from "../../model/index.js";
import { resolveEffectivePrice } from "../../policy/index.js";
import { activatedVersionsPricing, type PricingChangesKey, pricingChangesSince } from "../../store/index.js";
import { facilityToday } from "../../workflows/price-activation/index.js";
import type { ApiDeps } from "../api-deps.js";
import { decodePageCursor, encodePageCursor } from "../page-cursor.js";
import { Instant, instant, PageParams } from "./list-params.js";

const PriceQuery = Type.Object(
  { item: Id, facility: Id, on: Type.Optional(IsoDate), uom: Type.Optional(UomSchema) },
  { additionalProperties: false },
);
type PriceQuery = { item: string; facility: string; on?: string; uom?: Uom };

const ChangesQuery = Type.Object(
  { since: Instant("Changes released after this instant (RFC 3339, with a time zone)"), ...PageParams },
  { additionalProperties: false },
);

const isChangesKey = (k: unknown): k is PricingChangesKey =>
  Array.isArray(k) &&
  k.length === 3 &&
  typeof k[0] === "string" &&
  !Number.isNaN(Date.parse(k[0])) &&
  typeof k[1] === "string" &&
  Number.isSafeInteger(k[2]);

/** /v1/prices is the spine's first price route; the pricing service's path replaces it. */
const PRICES_DEPRECATION = {
  since: "2026-11-25",
  sunset: "2027-06-30",
  successor: "/v1/pricing/effective-price",
} as const;

/** The contract pricing service: effective prices, and what changed since a time. */
export async function priceRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  /**
   * The price a buyer may use: only versions that passed the price gate and whose activation at
   * the facility fired, in force on the date (default: today in the facility's time zone), for an
   * eligible facility, with its tier applied. 404 when no contract prices the item there.
   */
  const effectivePrice = async (query: PriceQuery) => {
    const { item, facility, uom } = query;
    const on = query.on ?? (await facilityToday(deps.store, facility, deps.priceActivation));
    const versions = await activatedVersionsPricing(deps.store, item, facility);
    const answer = resolveEffectivePrice(versions, { itemId: item, facilityId: facility, on, ...(uom ? { uom } : {}) });
    if (!answer) {
      throw Errors.NotFound(`no active contract price for item ${item} at facility ${facility} on ${on}`, {
        item,
        facility,
        on,
      });
    }
    return answer;
  };

  app.get<{ Querystring: PriceQuery }>(
    "/v1/pricing/effective-price",
    {
      schema: { querystring: PriceQuery, summary: "The contract price a facility may pay for an item on a date" },
      config: { scope: "prices:read" },
    },
    async (request) => effectivePrice(request.query),
  );

  app.get<{ Querystring: PriceQuery }>(
    "/v1/prices",
    {
      schema: { querystring: PriceQuery, summary: "Deprecated: use /v1/pricing/effective-price" },
      config: { scope: "prices:read", deprecated: PRICES_DEPRECATION },
    },
    async (request) => effectivePrice(request.query),
  );

  /**
   * Contract versions whose prices became usable (released by the price gate) after `since`,
   * oldest first, each with its price lines' changes against the version before it: what a
   * downstream pricing cache needs to catch up.
   */
  app.get<{ Querystring: { since: string; limit?: number; cursor?: string } }>(
    "/v1/pricing/changes",
    {
      schema: { querystring: ChangesQuery, summary: "Contract price changes released since a time" },
      config: { scope: "prices:read" },
    },
    async (request) => {
      const { since, limit = 100, cursor } = request.query;
      // Refuses what the pattern lets through but no calendar has; the store gets `since` as sent
      // (with its microseconds: "after" is exact).
      instant("since", since);
      const page = await pricingChangesSince(deps.store, {
        since,
        limit,
        ...(cursor ? { after: decodePageCursor(cursor, isChangesKey) } : {}),
      });
      return { items: page.items, ...(page.last ? { next: encodePageCursor(page.last) } : {}) };
    },
  );
}
