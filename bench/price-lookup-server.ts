/**
 * One side of the price-lookup benchmark, in its own process (the load generator must not share
 * its two cores' event loop): `hub` is the real hub on an on-disk PGlite store (or BENCH_STORE),
 * `baseline` a bare Fastify route answering the same question from memory with the same policy
 * code: no store, no governance. Prints {"url": …} when ready.
 */

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { resolveEffectivePrice } from "../src/policy/index.js";
import { compileHubConfig, startHub } from "../src/server/index.js";
import { TEST_ENCRYPTION } from "../test/support/test-encryption.js";
import { benchSnapshot } from "./dataset.js";
import { BENCH_AUTH, PRICING_KEY } from "./load.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as { mode: "hub" | "baseline"; contracts: number };
const snapshot = benchSnapshot(cfg.contracts);

if (cfg.mode === "hub") {
  const dir = await mkdtemp(join(tmpdir(), "concord-price-bench-"));
  const hub = await startHub(
    compileHubConfig({
      storeUrl: process.env.BENCH_STORE ?? `pglite:${dir}`,
      port: 0,
      // A fixed key: BENCH_STORE=postgres://… hubs need one configured (docs/security.md).
      encryption: TEST_ENCRYPTION,
      auth: {
        clients: [
          ...BENCH_AUTH.clients,
          { id: "bench-pricing", scopes: ["prices:read"], apiKeys: [PRICING_KEY], perMinute: 1e9 },
        ],
      },
    }),
    { seed: snapshot },
  );
  process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
} else {
  const app = Fastify({ logger: false });
  app.get<{ Querystring: { item: string; facility: string; on: string } }>(
    "/v1/pricing/effective-price",
    async (request, reply) => {
      const { item, facility, on } = request.query;
      const versions = snapshot.contracts.filter((c) => c.priceLines.some((l) => l.itemId === item));
      const answer = resolveEffectivePrice(versions, { itemId: item, facilityId: facility, on });
      return answer ?? reply.code(404).send({ code: "CONCORD_ERR_NOT_FOUND" });
    },
  );
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}
