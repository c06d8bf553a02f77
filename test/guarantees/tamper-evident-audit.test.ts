import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installProblemHandlers } from "../../src/api/problem.js";
import { typeboxValidatorCompiler } from "../../src/api/typebox-validator.js";
import {
  type AuditRecord,
  appendAudit,
  auditApiCalls,
  auditChange,
  auditRoutes,
  hashAuditRecord,
  readAuditPage,
  verifyAuditChain,
} from "../../src/audit/index.js";
import { auditVerifyCommand } from "../../src/cli/audit-command.js";
import { openStore, type Queryable, type Store } from "../../src/store/index.js";
import { openTestStore, STORE_KINDS } from "../support/stores.js";

const entry = (i: number) => ({
  actor: "clm",
  action: "contract.version.accepted",
  subjectType: "contract",
  subjectId: `ctr-${i}`,
  detail: { version: i, lines: [{ item: `it-${i}`, price: "12.50" }] },
});

async function appendN(store: Store, n: number): Promise<AuditRecord[]> {
  return appendAudit(
    store,
    Array.from({ length: n }, (_, i) => entry(i + 1)),
  );
}

/** Tampering as the table owner does it: switch the append-only trigger off, change rows, switch it on. */
async function tamper(store: Store, fn: (tx: Queryable) => Promise<unknown>): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
    await fn(tx);
    await tx.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
  });
}

const kinds = async (store: Store, options = {}) =>
  (await verifyAuditChain(store, options)).problems.map((p) => [p.seq, p.kind]);

async function insertRaw(tx: Queryable, r: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, subject_type, subject_id, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [r.seq, r.at, r.actor, r.action, r.subjectType, r.subjectId, JSON.stringify(r.detail), r.prevHash, r.hash],
  );
}

describe.each(STORE_KINDS)("tamper-evident audit log ($name)", (kind) => {
  let env: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    env = await openTestStore(kind);
  });
  afterEach(async () => {
    await env.dispose();
  });

  it("chains batches and in-transaction changes from the genesis value, gap-free even after a rollback", async () => {
    const first = await appendN(env.store, 5);
    expect(first.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(first[0]!.prevHash).toBe("0".repeat(64));
    expect(first[1]!.prevHash).toBe(first[0]!.hash);
    await expect(
      env.store.transaction(async (tx) => {
        await auditChange(tx, entry(99));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const change = await env.store.transaction(async (tx) => {
      await tx.query("INSERT INTO canonical_records (entity_type, id, body) VALUES ('supplier', 'sup-1', '{}')");
      return auditChange(tx, { actor: "erp", action: "supplier.changed", subjectType: "supplier", subjectId: "sup-1" });
    });
    expect(change.seq).toBe(6);
    const result = await verifyAuditChain(env.store, { batchSize: 2 });
    expect(result).toMatchObject({ ok: true, checked: 6, problems: [], tip: { seq: 6, hash: change.hash } });
    const stored = await readAuditPage(env.store, 5, 10);
    expect(stored).toEqual([change]);
  });

  it("refuses updates, deletes and truncation through the append-only trigger", async () => {
    await appendN(env.store, 2);
    await expect(env.store.query("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(env.store.query("DELETE FROM audit_log WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(env.store.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    await expect(env.store.query("DELETE FROM audit_chain_tip")).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(env.store)).ok).toBe(true);
  });

  it("keeps one chain when many transactions (on several connections) append at once", async () => {
    // PostgreSQL: three pools stand for three hub processes. PGlite: one connection, same code.
    const others = kind.name === "postgres" ? [await openStore(env.url), await openStore(env.url)] : [];
    try {
      const stores = [env.store, ...others];
      const batches = await Promise.all(
        Array.from({ length: 24 }, (_, t) =>
          stores[t % stores.length]!.transaction(async (tx) => {
            await tx.query("SELECT 1");
            const records = await appendAudit(tx, [entry(t * 10 + 1), entry(t * 10 + 2), entry(t * 10 + 3)]);
            // Work after the append holds the tip lock: others must wait, not fork the chain.
            await tx.query("SELECT count(*) FROM audit_log");
            return records.map((r) => r.seq);
          }),
        ),
      );
      for (const seqs of batches) expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
      expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
      expect(await verifyAuditChain(env.store)).toMatchObject({ ok: true, checked: 72, tip: { seq: 72 } });
    } finally {
      for (const s of others) await s.close();
    }
  });

  it("names a record whose detail was edited", async () => {
    await appendN(env.store, 10);
    await tamper(env.store, (tx) =>
      tx.query(`UPDATE audit_log SET detail = '{"version":7,"lines":[{"item":"it-7","price":"1.00"}]}' WHERE seq = 7`),
    );
    const result = await verifyAuditChain(env.store);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ seq: 7, kind: "edited", message: expect.stringContaining("seq 7") }]);
  });

  it("names a removed middle record", async () => {
    await appendN(env.store, 10);
    await tamper(env.store, (tx) => tx.query("DELETE FROM audit_log WHERE seq = 4"));
    expect(await kinds(env.store, { batchSize: 3 })).toEqual([[4, "removed"]]);
  });

  it("names both records when two swap places", async () => {
    await appendN(env.store, 10);
    await tamper(env.store, async (tx) => {
      await tx.query("UPDATE audit_log SET seq = -5 WHERE seq = 5");
      await tx.query("UPDATE audit_log SET seq = 5 WHERE seq = 6");
      await tx.query("UPDATE audit_log SET seq = 6 WHERE seq = -5");
    });
    expect(await kinds(env.store)).toEqual([
      [5, "reordered"],
      [6, "reordered"],
    ]);
  });

  it("names a record rewritten with a recomputed hash", async () => {
    const records = await appendN(env.store, 6);
    const { hash: _, ...content } = { ...records[2]!, detail: { version: 3, lines: [] } };
    await tamper(env.store, (tx) =>
      tx.query("UPDATE audit_log SET detail = $1, hash = $2 WHERE seq = 3", [
        JSON.stringify(content.detail),
        hashAuditRecord(content),
      ]),
    );
    expect(await kinds(env.store)).toEqual([[3, "broken-link"]]);
  });

  it("names a truncated tail, and forged records re-appended in its place", async () => {
    const records = await appendN(env.store, 10);
    await tamper(env.store, (tx) => tx.query("DELETE FROM audit_log WHERE seq > 8"));
    expect(await kinds(env.store)).toEqual([[9, "removed"]]);

    // Forged by hand, hashes made up: each forged record fails its own hash.
    const forged = (seq: number, prevHash: string, hash: string): AuditRecord => ({
      ...records[seq - 1]!,
      actor: "mallory",
      prevHash,
      hash,
    });
    await tamper(env.store, async (tx) => {
      await insertRaw(tx, forged(9, records[7]!.hash, "a".repeat(64)));
      await insertRaw(tx, forged(10, "a".repeat(64), "b".repeat(64)));
    });
    expect(await kinds(env.store)).toEqual([
      [9, "edited"],
      [10, "edited"],
    ]);

    // Forged with this code's own hash function: every record checks out, but the chain tip
    // recorded when seq 10 was really appended does not.
    await tamper(env.store, async (tx) => {
      await tx.query("DELETE FROM audit_log WHERE seq > 8");
      let prevHash = records[7]!.hash;
      for (const seq of [9, 10]) {
        const { hash: _, ...content } = forged(seq, prevHash, "");
        const record = { ...content, hash: hashAuditRecord(content) };
        await insertRaw(tx, record);
        prevHash = record.hash;
      }
    });
    expect(await kinds(env.store)).toEqual([[10, "broken-link"]]);

    // ...and with the tip rewritten too, only an anchor kept outside the database shows it.
    const [last] = await readAuditPage(env.store, 9, 1);
    await env.store.query("UPDATE audit_chain_tip SET last_hash = $1", [last!.hash]);
    expect(await kinds(env.store)).toEqual([]);
    expect(await kinds(env.store, { anchors: [{ seq: 10, hash: records[9]!.hash }] })).toEqual([[10, "broken-link"]]);
  });

  it("shows a tail cut off with a rewound tip only against an anchor", async () => {
    const records = await appendN(env.store, 5);
    await tamper(env.store, async (tx) => {
      await tx.query("DELETE FROM audit_log WHERE seq > 3");
      await tx.query("UPDATE audit_chain_tip SET last_seq = 3, last_hash = $1", [records[2]!.hash]);
    });
    expect(await kinds(env.store)).toEqual([]);
    expect(await kinds(env.store, { anchors: [{ seq: 5, hash: records[4]!.hash }] })).toEqual([[4, "removed"]]);
  });

  it("names records written around appendAudit, beyond the chain tip", async () => {
    const records = await appendN(env.store, 3);
    const { hash: _, ...content } = { ...records[2]!, seq: 4, prevHash: records[2]!.hash };
    await insertRaw(env.store, { ...content, hash: hashAuditRecord(content) });
    expect(await kinds(env.store)).toEqual([[4, "broken-link"]]);
  });

  it("never stores a sensitive value, only its mask", async () => {
    await env.store.transaction((tx) =>
      auditChange(tx, {
        actor: "erp",
        action: "supplier.changed",
        subjectType: "supplier",
        subjectId: "sup-1",
        detail: {
          remitTo: { bankAccountNumber: "000123456789", routingNumber: "021000021" },
          taxId: "12-3456789",
          cxml: { credential: { identity: "buyer", sharedSecret: "hunter2-secret" } },
          password: "pa55word!",
        },
      }),
    );
    const [row] = await env.store.query<{ detail: string }>("SELECT detail::text AS detail FROM audit_log");
    for (const secret of ["000123456789", "021000021", "3456789", "hunter2", "pa55word"]) {
      expect(row!.detail).not.toContain(secret);
    }
    expect(JSON.parse(row!.detail)).toMatchObject({
      remitTo: { bankAccountNumber: "****6789", routingNumber: "****0021" },
      taxId: "****6789",
      password: "****",
    });
    expect((await verifyAuditChain(env.store)).ok).toBe(true);
  });

  it("records every API call but health checks, and serves the log and its verification", async () => {
    const app = Fastify();
    app.setValidatorCompiler(typeboxValidatorCompiler);
    installProblemHandlers(app);
    const auditor = auditApiCalls(env.store);
    app.addHook("onResponse", auditor.onResponse);
    await app.register(async (scope) => {
      scope.get("/healthz", async () => ({ status: "ok" }));
      scope.get<{ Params: { id: string } }>("/v1/contracts/:id", async (req) => ({ id: req.params.id }));
      await auditRoutes(scope, { store: env.store });
    });
    try {
      const headers = { "x-concord-system": "procurement", "x-correlation-id": "corr-1" };
      await Promise.all([
        app.inject({ url: "/healthz" }),
        app.inject({ url: "/v1/contracts/ctr-1?secret=x", headers }),
        app.inject({ url: "/v1/contracts/ctr-2" }),
        app.inject({ url: "/v1/nowhere?token=y" }),
      ]);
      await auditor.drain();
      const page = await app.inject({ url: "/v1/audit?after=0&limit=10" });
      expect(page.statusCode).toBe(200);
      const items = page.json().items as AuditRecord[];
      expect(items.map((r) => r.subjectId).sort()).toEqual([
        "GET /v1/contracts/:id",
        "GET /v1/contracts/:id",
        "GET /v1/nowhere",
      ]);
      expect(items.find((r) => r.actor === "procurement")).toMatchObject({
        action: "api.call",
        subjectType: "route",
        detail: {
          method: "GET",
          route: "/v1/contracts/:id",
          status: 200,
          system: "procurement",
          correlationId: "corr-1",
        },
      });
      expect(items.find((r) => r.subjectId === "GET /v1/nowhere")).toMatchObject({
        actor: "anonymous",
        detail: { status: 404 },
      });
      expect(JSON.stringify(items)).not.toMatch(/secret=x|token=y/);
      expect(page.json().next).toBeNull();

      const verify = await app.inject({ url: "/v1/audit/verify" });
      expect(verify.statusCode).toBe(200);
      expect(verify.json()).toMatchObject({ ok: true, checked: 3 });
      expect((await app.inject({ url: "/v1/audit?limit=0" })).json()).toMatchObject({
        code: "CONCORD_ERR_INPUT_QUERY",
      });
      expect((await app.inject({ url: "/v1/audit/verify?anchorSeq=1" })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});

describe.each(STORE_KINDS)("concord audit verify ($name)", (kind) => {
  it("prints the record count when intact and each problem when not, with exit codes 0 and 1", async () => {
    const folder = kind.name === "pglite" ? await mkdtemp(join(tmpdir(), "concord-audit-")) : undefined;
    const url = folder ? `pglite:${folder}` : kind.url();
    try {
      // A PGlite folder is opened by one process at a time: the hub's store is closed first.
      const store = await openStore(url);
      await appendN(store, 4);
      await store.close();
      let out = "";
      const write = (s: string) => {
        out += s;
      };
      expect(await auditVerifyCommand({ storeUrl: url, out: { write } })).toBe(0);
      expect(out).toMatch(/^audit chain intact: 4 records; tip 4:[0-9a-f]{64}\n$/);

      const again = await openStore(url);
      await tamper(again, (tx) => tx.query("DELETE FROM audit_log WHERE seq = 2"));
      await again.close();
      out = "";
      expect(await auditVerifyCommand({ storeUrl: url, out: { write } })).toBe(1);
      expect(out).toContain("audit chain TAMPERED: 1 problems in 3 records");
      expect(out).toMatch(/seq 2 {2}removed/);
    } finally {
      if (folder) await rm(folder, { recursive: true, force: true });
      else await kind.cleanup(url);
    }
  });
});
