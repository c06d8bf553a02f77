import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFieldCipher,
  readSensitiveFieldRows,
  sealSupplierSensitive,
  upsertSensitiveFieldRows,
} from "../security/index.js";
import type { HubConfigInput } from "../server/index.js";
import { openStore } from "../store/index.js";
import {
  fingerprintTin,
  openBank,
  openTin,
  sealOnboardingValues,
} from "../workflows/supplier-onboarding/sealed-values.js";
import { keysCommand } from "./keys-command.js";

const ACCOUNT = { routingNumber: "011000015", accountNumber: "000123456789", accountType: "checking" as const };

/** An onboarding row as the workflow keeps it, sealed by `cipher`. */
async function insertOnboarding(
  store: Awaited<ReturnType<typeof openStore>>,
  id: string,
  cipher: ReturnType<typeof createFieldCipher>,
  taxId: string,
) {
  const v = sealOnboardingValues(cipher, id, taxId, ACCOUNT as never);
  await store.query(
    `INSERT INTO supplier_onboardings (id, supplier_id, kind, status, request, tin_sealed, tin_fp, tin_last4,
       bank_sealed, bank_fp, bank_last4, fp_key_id, correlation_id, requested_at)
     VALUES ($1, $1, 'new', 'requested', '{}', $2, $3, $4, $5, $6, $7, $8, 'c-1', now())`,
    [id, v.tinSealed, v.tinFp, v.tinLast4, v.bankSealed, v.bankFp, v.bankLast4, v.fpKeyId],
  );
}

const key = (id: string) => ({ id, raw: randomBytes(32) });
const [k0, k1, k2] = [key("k0"), key("k1"), key("k2")];
const configured = (...keys: { id: string; raw: Buffer }[]) =>
  keys.map((k) => ({ id: k.id, key: `base64:${k.raw.toString("base64")}` }));

describe("concord keys rotate", () => {
  let dir: string;
  let storeUrl: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-rotate-"));
    storeUrl = `pglite:${join(dir, "data")}`;
    const store = await openStore(storeUrl);
    const old = createFieldCipher({ activeKeyId: "k1", keys: [{ id: "k1", key: k1.raw }] });
    const older = createFieldCipher({ activeKeyId: "k0", keys: [{ id: "k0", key: k0.raw }] });
    await upsertSensitiveFieldRows(store, [
      sealSupplierSensitive(old, "sup-1", "taxId", "123456781"),
      sealSupplierSensitive(old, "sup-2", "taxId", "123456782"),
      sealSupplierSensitive(older, "sup-3", "taxId", "123456783"),
    ]);
    await insertOnboarding(store, "onb-1", old, "12-3456781");
    await insertOnboarding(store, "onb-2", older, "12-3456783");
    await store.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = async (args: string[], config: HubConfigInput) => {
    let out = "";
    const code = await keysCommand(args, {
      out: { write: (s: string) => (out += s) },
      defaultStoreUrl: storeUrl,
      readConfig: async () => config,
    });
    return { code, out };
  };

  it("re-encrypts under the new key, prints counts, and exits 1 while a value under an unconfigured key remains", async () => {
    const first = await run(["rotate", "--config", "hub.json", "--batch-size", "1"], {
      encryption: { activeKeyId: "k2", keys: configured(k1, k2) },
    });
    expect(first.out).toBe(
      [
        're-encrypting sensitive fields under key "k2", 1 per transaction',
        "  1 re-encrypted",
        "  2 re-encrypted",
        'done: 2 re-encrypted in 2 batches; 2 values under "k2"',
        'NOT ROTATED: 1 values under key "k0", which is not configured: list it in keys and run again',
        'onboardings: 1 re-sealed under "k2"',
        'NOT ROTATED: 1 onboardings under key "k0", which is not configured: list it in keys and run again',
        "",
      ].join("\n"),
    );
    expect(first.code).toBe(1);

    // With the missing key listed too, the run finishes the job.
    const second = await run(["rotate", "--config", "hub.json"], {
      encryption: { activeKeyId: "k2", keys: configured(k0, k1, k2) },
    });
    expect(second.out).toContain('done: 1 re-encrypted in 1 batch; 3 values under "k2"');
    expect(second.out).toContain('onboardings: 1 re-sealed under "k2"');
    expect(second.code).toBe(0);
    const store = await openStore(storeUrl);
    try {
      const rows = await readSensitiveFieldRows(store, "supplier", ["sup-1", "sup-2", "sup-3"]);
      expect(rows.map((r) => r.keyId)).toEqual(["k2", "k2", "k2"]);
      // The onboardings open with the new key alone, and their fingerprints are made under it.
      const k2Only = createFieldCipher({ activeKeyId: "k2", keys: [{ id: "k2", key: k2.raw }] });
      const onboardings = await store.query<{
        id: string;
        tin_sealed: string;
        tin_fp: string;
        bank_sealed: string;
        fp_key_id: string;
      }>("SELECT id, tin_sealed, tin_fp, bank_sealed, fp_key_id FROM supplier_onboardings ORDER BY id");
      expect(onboardings.map((o) => [o.id, openTin(k2Only, o.id, o.tin_sealed), o.fp_key_id])).toEqual([
        ["onb-1", "12-3456781", "k2"],
        ["onb-2", "12-3456783", "k2"],
      ]);
      expect(openBank(k2Only, "onb-2", onboardings[1]!.bank_sealed)).toEqual(ACCOUNT);
      expect(onboardings[0]!.tin_fp).toBe(fingerprintTin(k2Only, "12-3456781"));
    } finally {
      await store.close();
    }
  });

  it("needs the encryption section and a sane batch size", async () => {
    await expect(run(["rotate"], {})).rejects.toThrow("keys rotate needs the encryption section");
    await expect(run(["rotate", "--batch-size", "0"], {})).rejects.toThrow('--batch-size "0"');
    await expect(run(["spin"], {})).rejects.toThrow("keys takes `rotate`");
  });
});
