import { expect } from "vitest";
import type { Hub } from "../../src/server/index.js";
import { invoiceOf, purchaseOrder, sendAsMedline } from "./invoice-documents.js";
import type { RecordingTarget } from "./recording-target.js";
import { supplierRecord } from "./records.js";
import { contractV1 } from "./small-health-system.js";
import { hubHeaders, postVersion, waitFor } from "./test-hub.js";

export { MEDLINE } from "./invoice-documents.js";

const call = async (hub: Hub, path: string) =>
  (await (await fetch(`${hub.url}${path}`, { headers: hubHeaders() })).json()) as any;

/**
 * What the dashboard shows, made through the hub's own interfaces: a contract version delivered
 * and released, one whose delivery died (three 503s: the hub must retry at most 3 times), an
 * ownership violation, an invoice held for a missing receipt (an invoice exception) and a PO line
 * priced above that contract. The reconciliation run is written as the reconciler writes it (its
 * own e2e test runs it against the sandbox systems).
 */
export async function seedDashboardData(hub: Hub, target: RecordingTarget, tag: string) {
  const ok = contractV1({ id: `ctr-dash-ok-${tag}`, number: `AGR-DASH-OK-${tag}` });
  expect((await postVersion(hub.url, ok)).status).toBe(202);
  await waitFor(
    async () => (await call(hub, `/v1/contracts/${ok.id}/propagation`)).versions?.[0]?.status === "released",
    15_000,
    "the contract released",
  );

  target.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
  const dead = contractV1({ id: `ctr-dash-dead-${tag}`, number: `AGR-DASH-DEAD-${tag}` });
  expect((await postVersion(hub.url, dead)).status).toBe(202);
  const letter = await waitFor(
    async () =>
      ((await call(hub, "/v1/dead-letters")).items as any[]).find((d) => d.businessKey === `contract:${dead.id}`),
    15_000,
    "the dead letter",
  );

  const refused = await fetch(`${hub.url}/v1/imports/suppliers`, {
    method: "POST",
    headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "procurement" },
    body: JSON.stringify({ records: [{ ...supplierRecord(1), name: "Renamed by procurement" }] }),
  });
  expect(((await refused.json()) as { rejected: number }).rejected).toBe(1);

  await hub.store.query(
    "INSERT INTO xrefs (system, entity_type, local_id, canonical_id) VALUES ('medline', 'item', 'MED-1', 'itm-1') ON CONFLICT DO NOTHING",
  );
  await sendAsMedline(hub.url, [purchaseOrder(`45000${tag}1`, "12.0000")], `corr-dash-po-${tag}`);
  await sendAsMedline(hub.url, [invoiceOf(`INV-${tag}`, `45000${tag}1`, 10, "12.0000")], `corr-dash-inv-${tag}`);
  const exception = await waitFor(
    async () =>
      ((await call(hub, "/v1/invoice-exceptions?status=open")).items as any[]).find(
        (x) => x.invoice?.invoiceId === `INV-${tag}`,
      ),
    15_000,
    "the invoice exception",
  );
  // The 850 names no facility; a PO the ERP resolved names it (fac-1, where the contract prices itm-1 at 10.25).
  await hub.store.query(
    `UPDATE trade_documents SET body = (json_build_object('facilityId', 'fac-1')::jsonb || body::jsonb)::json
     WHERE kind = 'purchase-order' AND document_id = $1`,
    [`45000${tag}1`],
  );

  const [run] = await hub.store.query<{ id: number }>(
    `INSERT INTO reconciliation_runs (status, heal, systems, finished_at, findings, findings_kept)
     VALUES ('completed', false, '[]', now(), 1, 1) RETURNING id`,
  );
  await hub.store.query(
    `INSERT INTO reconciliation_summaries (run_id, system, entity_type, compared, agreeing, missing, extra, different, unreadable)
     VALUES ($1, 'erp', 'supplier', 4, 3, 0, 0, 1, 0), ($1, 'procurement', 'contract', 2, 2, 0, 0, 0, 0)`,
    [run!.id],
  );
  await hub.store.query(
    `INSERT INTO reconciliation_findings (run_id, seq, system, entity_type, kind, record_key, canonical_id, finding)
     VALUES ($1, 1, 'erp', 'supplier', 'different', 'V-1001', 'sup-1', $2)`,
    [
      run!.id,
      JSON.stringify({
        system: "erp",
        entityType: "supplier",
        kind: "different",
        key: "V-1001",
        canonicalId: "sup-1",
        fields: [{ field: "name", canonical: "Supplier 1", system: "Supplier One" }],
      }),
    ],
  );
  return { ok, dead, letter, exception, runId: run!.id };
}
