import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import type { Store } from "../store/index.js";
import { createFieldCipher } from "./field-cipher.js";
import { rotateSensitiveFields } from "./rotate-sensitive-fields.js";
import { readSensitiveFieldRows, upsertSensitiveFieldRows } from "./sensitive-field-rows.js";
import { readSupplierSensitive, sealSupplierSensitive } from "./supplier-sensitive-fields.js";

const k0 = { id: "k0", key: randomBytes(32) };
const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const ids = ["sup-1", "sup-2", "sup-3", "sup-4", "sup-5"];
const taxIdOf = (id: string) => `12345678${id.slice(-1)}`;

describe.each(STORE_KINDS)("rotateSensitiveFields on $name", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  // One store for the block (opening and migrating one is the slow part); each test starts from the same five values.
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(() => dispose());
  beforeEach(async () => {
    await store.query("DELETE FROM sensitive_fields");
    const old = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    await upsertSensitiveFieldRows(
      store,
      ids.map((id) => sealSupplierSensitive(old, id, "taxId", taxIdOf(id))),
    );
  });

  it("re-encrypts every value under the active key, in batches, and they decrypt to the originals", async () => {
    const cipher = createFieldCipher({ activeKeyId: "k2", keys: [k1, k2] });
    const progress: number[] = [];
    const report = await rotateSensitiveFields(store, cipher, { batchSize: 2, onBatch: (n) => progress.push(n) });
    expect(report).toEqual({ rotated: 5, batches: 3, underActiveKey: 5, unknownKeys: [], unreadable: [] });
    expect(progress).toEqual([2, 4, 5]);
    const rows = await readSensitiveFieldRows(store, "supplier", ids);
    expect(rows.map((r) => [r.keyId, cipher.keyIdOf(r.envelope)])).toEqual(ids.map(() => ["k2", "k2"]));
    // Readable with the new key alone: the old one can be retired now.
    const onlyNew = createFieldCipher({ activeKeyId: "k2", keys: [k2] });
    const values = await readSupplierSensitive(store, onlyNew, ids);
    expect(ids.map((id) => values.get(id)?.taxId)).toEqual(ids.map(taxIdOf));
    // Fingerprints follow the key, so unchanged values still compare equal after the rotation.
    expect(rows.map((r) => r.fingerprint)).toEqual(
      ids.map((id) => onlyNew.fingerprint(taxIdOf(id), `supplier:${id}:taxId`)),
    );
    expect(await rotateSensitiveFields(store, cipher)).toMatchObject({ rotated: 0, underActiveKey: 5 });
  });

  it("is resumable: an interrupted run keeps its committed batches and the next run finishes", async () => {
    const cipher = createFieldCipher({ activeKeyId: "k2", keys: [k1, k2] });
    await expect(
      rotateSensitiveFields(store, cipher, {
        batchSize: 2,
        onBatch: () => {
          throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    const keys = (await readSensitiveFieldRows(store, "supplier", ids)).map((r) => r.keyId);
    expect(keys.filter((k) => k === "k2")).toHaveLength(2);
    expect(await rotateSensitiveFields(store, cipher, { batchSize: 2 })).toMatchObject({
      rotated: 3,
      underActiveKey: 5,
    });
  });

  it("reports values under a key that is no longer configured, and tampered ones, instead of skipping them silently", async () => {
    const ancient = createFieldCipher({ activeKeyId: "k0", keys: [k0] });
    const k1Cipher = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    await upsertSensitiveFieldRows(store, [
      sealSupplierSensitive(ancient, "sup-9", "taxId", "987654321"),
      // A value sealed for another supplier, copied onto sup-6: its context does not authenticate.
      { ...sealSupplierSensitive(k1Cipher, "sup-1", "taxId", "123456781"), entityId: "sup-6" },
    ]);
    const cipher = createFieldCipher({ activeKeyId: "k2", keys: [k1, k2] });
    const report = await rotateSensitiveFields(store, cipher, { batchSize: 4 });
    expect(report).toEqual({
      rotated: 5,
      batches: 2,
      underActiveKey: 5,
      unknownKeys: [{ keyId: "k0", count: 1 }],
      unreadable: [{ entityType: "supplier", entityId: "sup-6", field: "taxId" }],
    });
    const left = await readSensitiveFieldRows(store, "supplier", ["sup-6", "sup-9"]);
    expect(left.map((r) => [r.entityId, r.keyId])).toEqual([
      ["sup-6", "k1"],
      ["sup-9", "k0"],
    ]);
  });
});
