import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hub } from "../../src/server/index.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, startTestHub } from "../support/test-hub.js";

const READER_KEY = "ck_supplier-reader.eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
const CLIENTS = [{ id: "supplier-reader", scopes: ["suppliers:read"], apiKeys: [READER_KEY], perMinute: 10_000 }];

const TAX_ID = "12-3456789";
const ACCOUNT = "000123456789";
const ROUTING = "021000021";
const BAD_TAX_ID = "00-9876543";
const BAD_ROUTING = "021000022";
const BAD_ACCOUNT = "55512345678";

const supplier = (id: string, extra: Record<string, unknown> = {}) => ({
  kind: "supplier",
  id,
  name: `Sensitive Supplies ${id}`,
  status: "active",
  paymentTermsNetDays: 30,
  remitTo: { line1: "1 Vault Way", city: "Springfield", region: "IL", postalCode: "62701", country: "US" },
  ...extra,
});

const BANK = { routingNumber: ROUTING, accountNumber: ACCOUNT, accountType: "checking", accountName: "Sensitive LLC" };

/**
 * Supplier tax ids and bank accounts (docs/security.md), through real HTTP against a real hub:
 * never stored in clear anywhere, clear only for `pii:read`, masked for everyone else, and still
 * compared correctly ("unchanged" vs "updated") although only ciphertexts are held.
 */
describe.each(STORE_KINDS)("sensitive fields at rest ($name)", (kind) => {
  let hub: Hub;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ hub, dispose } = await startTestHub(kind, { targets: [], clients: CLIENTS, dispatch: false }));
  });
  afterAll(() => dispose());

  // With an Idempotency-Key, so the answer kept for retries is scanned too.
  const importSuppliers = async (records: unknown[]) => {
    const res = await fetch(`${hub.url}/v1/imports/suppliers`, {
      method: "POST",
      headers: hubHeaders({
        "content-type": "application/json",
        "x-concord-system": "erp",
        "idempotency-key": crypto.randomUUID(),
      }),
      body: JSON.stringify({ records }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { results: { id: string; status: string; problem?: Record<string, unknown> }[] };
  };
  const getSupplier = async (id: string, key?: string) => {
    const res = await fetch(`${hub.url}/v1/suppliers/${id}`, { headers: key ? { "x-api-key": key } : hubHeaders() });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, any>;
  };

  /** Every text and JSON column of every table in the store, and the rows holding `needle` in any of them. */
  const scanStore = async (needle: string) => {
    const columns = await hub.store.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         AND c.data_type IN ('text', 'json', 'jsonb', 'character varying', 'character')
       ORDER BY c.table_name, c.column_name`,
    );
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [row] = await hub.store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE strpos("${column_name}"::text, $1) > 0`,
        [needle],
      );
      if (row!.n > 0) hits.push(`${table_name}.${column_name}`);
    }
    return { columns: columns.map((c) => `${c.table_name}.${c.column_name}`), hits };
  };

  it("imports a tax id and bank account that no column of any table holds in clear", async () => {
    const answer = await importSuppliers([
      supplier("sup-pii-1", { taxId: TAX_ID, bankAccount: BANK }),
      supplier("sup-pii-bad", {
        taxId: BAD_TAX_ID,
        bankAccount: { routingNumber: BAD_ROUTING, accountNumber: BAD_ACCOUNT, accountType: "checking" },
      }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(["created", "rejected"]);
    // The refusal says which fields and why, without repeating what was sent.
    const problem = JSON.stringify(answer.results[1]!.problem);
    expect(problem).toContain("taxId is not an issued EIN");
    expect(problem).toContain("bankAccount.routingNumber fails the ABA check digit");
    for (const bad of [BAD_TAX_ID, "009876543", BAD_ROUTING]) expect(problem).not.toContain(bad);

    // The scan sees what it should: the record itself and the sealed values.
    const control = await scanStore("Sensitive Supplies sup-pii-1");
    expect(control.columns).toEqual(
      expect.arrayContaining([
        "audit_log.detail",
        "canonical_records.body",
        "events.payload",
        "idempotency_keys.body",
        "inbound_messages.body",
        "sensitive_fields.envelope",
      ]),
    );
    expect(control.hits).toEqual(expect.arrayContaining(["canonical_records.body", "events.payload"]));
    const [sealed] = await hub.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sensitive_fields WHERE entity_type = 'supplier' AND entity_id = 'sup-pii-1'",
    );
    expect(sealed!.n).toBe(2);

    for (const clear of [TAX_ID, "123456789", ACCOUNT, ROUTING, BAD_TAX_ID, "009876543", BAD_ROUTING, BAD_ACCOUNT]) {
      expect({ clear, hits: (await scanStore(clear)).hits }).toEqual({ clear, hits: [] });
    }
  });

  it("shows clear values to a caller with pii:read and masked ones to a caller without", async () => {
    const full = await getSupplier("sup-pii-1");
    expect(full).toMatchObject({ taxId: "123456789", bankAccount: BANK });
    const masked = await getSupplier("sup-pii-1", READER_KEY);
    expect(masked.taxId).toBe("*****6789");
    expect(masked.bankAccount).toEqual({
      routingNumber: "*****0021",
      accountNumber: "********6789",
      accountType: "checking",
    });
    expect(masked.name).toBe(full.name);
  });

  it("leaves them out of bulk exports, whoever asks", async () => {
    for (const path of ["/v1/exports/suppliers.csv", "/v1/exports/suppliers.fhir.json"]) {
      const res = await fetch(`${hub.url}${path}`, { headers: hubHeaders() });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain("Sensitive Supplies sup-pii-1");
      for (const clear of ["123456789", ACCOUNT, ROUTING, "*****"]) expect(text).not.toContain(clear);
    }
  });

  it("tells unchanged from updated by comparing fingerprints, and announces changes masked", async () => {
    // The same values in another form (bare digits, fields reordered) are the same values.
    const again = await importSuppliers([
      supplier("sup-pii-1", { taxId: "123456789", bankAccount: { ...BANK, accountType: "checking" } }),
    ]);
    expect(again.results[0]!.status).toBe("unchanged");

    const newBank = { ...BANK, accountNumber: "998877665544" };
    const changed = await importSuppliers([supplier("sup-pii-1", { taxId: TAX_ID, bankAccount: newBank })]);
    expect(changed.results[0]!.status).toBe("updated");
    expect((await getSupplier("sup-pii-1")).bankAccount).toEqual(newBank);

    const [audit] = await hub.store.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'supplier.updated' AND subject_id = 'sup-pii-1' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit!.detail.sensitiveFieldsChanged).toEqual(["bankAccount"]);
    const [event] = await hub.store.query<{ payload: Record<string, any> }>(
      "SELECT payload FROM events WHERE business_key = 'supplier:sup-pii-1' ORDER BY key_version DESC LIMIT 1",
    );
    expect(event!.payload.masked).toEqual(["taxId", "bankAccount"]);
    expect(event!.payload.supplier.taxId).toBe("*****6789");
    expect(event!.payload.supplier.bankAccount.accountNumber).toBe("********5544");
    expect((await scanStore("998877665544")).hits).toEqual([]);

    // A snapshot without the bank account removes it, like any other field it leaves out.
    const dropped = await importSuppliers([supplier("sup-pii-1", { taxId: TAX_ID })]);
    expect(dropped.results[0]!.status).toBe("updated");
    const after = await getSupplier("sup-pii-1");
    expect(after.taxId).toBe("123456789");
    expect(after.bankAccount).toBeUndefined();
  });
});
