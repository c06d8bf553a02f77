import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import {
  ClmAgreementEventSchema,
  clmAgreementMapping,
  createAnalyticsSinkConnector,
  createErpPurchasingConnector,
  createProcurementCatalogConnector,
} from "../src/connectors/index.js";
import type { DeliveryPort } from "../src/events/index.js";
import {
  type Contract,
  type ContractVersionEvent,
  contractBusinessKey,
  type MasterDataSnapshot,
  validateEntity,
  type XrefTable,
} from "../src/model/index.js";
import type { DurableFloor } from "./durable-floor.js";

/** One fully delivered amendment: server-side receipt and the last target's 200 (Date.now()). */
export interface Completion {
  readonly eventId: string;
  readonly receivedAt: number;
  readonly doneAt: number;
}

export interface Baseline {
  readonly url: string;
  readonly completions: Completion[];
  readonly failures: number;
  close(): Promise<void>;
}

const checkEvent = TypeCompiler.Compile(ClmAgreementEventSchema);
const LOCAL_ID_TARGETS = ["procurement", "erp"];

/**
 * The ceiling: the hub's per-amendment work with no store. Same compiled TypeBox check, same
 * inbound mapping and contract validation, and the hub's own connector ports for the three
 * targets (so outbound mapping, JSON and undici transport are byte-for-byte the hub's), with
 * cross-references from in-memory Maps. It answers only after the three targets answered.
 * Given a `floor` (durable-floor.ts), it also records each amendment durably before sending and
 * each delivery after its answer: the "floor" scenario, the ceiling of any hub on that store.
 */
export async function startBaseline(
  snapshot: MasterDataSnapshot,
  mockUrl: string,
  floor?: DurableFloor,
): Promise<Baseline> {
  const toCanonical = new Map<string, string>(); // "type:localId" for the CLM
  const toLocal = new Map<string, Map<string, string>>(); // system → "type:canonicalId" → local
  for (const x of snapshot.xrefs) {
    if (x.system === "clm") toCanonical.set(`${x.entityType}:${x.localId}`, x.canonicalId);
    else {
      if (!toLocal.has(x.system)) toLocal.set(x.system, new Map());
      toLocal.get(x.system)!.set(`${x.entityType}:${x.canonicalId}`, x.localId);
    }
  }
  const ports: DeliveryPort[] = [
    createProcurementCatalogConnector({
      system: "procurement",
      baseUrl: `${mockUrl}/procurement/api`,
      connections: 16,
    }),
    createErpPurchasingConnector({ system: "erp", baseUrl: `${mockUrl}/erp/api`, connections: 16 }),
    createAnalyticsSinkConnector({ system: "analytics", baseUrl: `${mockUrl}/analytics/api`, connections: 16 }),
  ];
  const completions: Completion[] = [];
  let failures = 0;

  async function handle(raw: string, receivedAt: number): Promise<number> {
    const body: unknown = JSON.parse(raw);
    if (!checkEvent.Check(body)) return 400;
    const { value, issues } = clmAgreementMapping.map(body, (type, id) => toCanonical.get(`${type}:${id}`));
    const id = toCanonical.get(`contract:${body.agreement.agreementNo}`);
    if (issues.length > 0 || !id) return 422;
    const checked = validateEntity("contract", { ...(value as object), id });
    if (!checked.ok) return 422;
    const contract = checked.value as Contract;
    const payload: ContractVersionEvent = { contract, xrefs: xrefsFor(contract) };
    const businessKey = contractBusinessKey(contract.id);
    const correlationId = crypto.randomUUID();
    const deliveryIds = floor
      ? await floor.accept({ messageId: body.eventId, raw, businessKey, keyVersion: contract.version, payload })
      : undefined;
    await Promise.all(
      ports.map(async (port, k) => {
        await port.deliver(
          {
            deliveryId: deliveryIds?.[k] ?? 0,
            target: port.system,
            eventType: "contract.version-accepted",
            businessKey,
            keyVersion: contract.version,
            payload,
            idempotencyKey: `concord/${port.system}/${businessKey}/v${contract.version}`,
            correlationId,
            attempt: 1,
          },
          AbortSignal.timeout(15_000),
        );
        if (deliveryIds) await floor!.settle(deliveryIds[k]!);
      }),
    );
    completions.push({ eventId: body.eventId, receivedAt, doneAt: Date.now() });
    return 200;
  }

  // The same shape the hub's intake builds: only the ids this contract references, per target.
  function xrefsFor(c: Contract): Record<string, XrefTable> {
    const refs: [string, string][] = [
      ["supplier", c.supplierId],
      ...c.priceLines.map((l) => ["item", l.itemId] as [string, string]),
      ...c.eligibility.map((e) => ["facility", e.facilityId] as [string, string]),
    ];
    const out: Record<string, Record<string, Record<string, string>>> = {};
    for (const system of LOCAL_ID_TARGETS) {
      const table: Record<string, Record<string, string>> = {};
      for (const [type, canonical] of refs) {
        const local = toLocal.get(system)?.get(`${type}:${canonical}`);
        if (local === undefined) continue;
        table[type] ??= {};
        table[type][canonical] = local;
      }
      out[system] = table;
    }
    return out;
  }

  const server: Server = createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(Buffer.concat(chunks).toString("utf8"), receivedAt)
        .catch((e: unknown) => {
          // The first failure says why a whole run answers 500; the rest only count.
          if (failures === 0) process.stderr.write(`  first failure: ${String(e)}\n`);
          return 500;
        })
        .then((status) => {
          if (status !== 200) failures++;
          res.writeHead(status, { "content-type": "application/json" });
          res.end(status === 200 ? '{"status":"delivered"}' : '{"status":"failed"}');
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    completions,
    get failures() {
      return failures;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(ports.map((p) => p.close?.()));
      await floor?.close();
    },
  };
}
