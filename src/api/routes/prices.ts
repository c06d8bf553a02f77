import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { Id, IsoDate, type Uom, UomSchema } from "../../model/index.js";
import { resolveEffectivePrice } from "../../policy/index.js";
import { releasedVersionsPricing } from "../../store/index.js";
import type { ApiDeps } from "../api-deps.js";

const PriceQuery = Type.Object(
  { item: Id, facility: Id, on: Type.Optional(IsoDate), uom: Type.Optional(UomSchema) },
  { additionalProperties: false },
);

export async function priceRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  /**
   * The price a buyer may use: only versions that passed the price gate, in force on the date,
   * for an eligible facility, with its tier applied. 404 when no contract prices the item there.
   */
  app.get<{ Querystring: { item: string; facility: string; on?: string; uom?: Uom } }>(
    "/v1/prices",
    { schema: { querystring: PriceQuery } },
    async (request) => {
      const { item, facility, uom } = request.query;
      const on = request.query.on ?? new Date().toISOString().slice(0, 10);
      const versions = await releasedVersionsPricing(deps.store, item);
      const answer = resolveEffectivePrice(versions, {
        itemId: item,
        facilityId: facility,
        on,
        ...(uom ? { uom } : {}),
      });
      if (!answer) {
        throw Errors.NotFound(`no active contract price for item ${item} at facility ${facility} on ${on}`, {
          item,
          facility,
          on,
        });
      }
      return answer;
    },
  );
}
