import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFieldCipher, sealSupplierSensitive, upsertSensitiveFieldRows } from "../security/index.js";
import { openStore, type Store } from "../store/index.js";
import { compileEncryptionConfig, GENERATED_KEY_FILE, openFieldCipher } from "./encryption-config.js";

const b64 = (key: Buffer) => key.toString("base64");
const key1 = randomBytes(32);
const key2 = randomBytes(32);

describe("compileEncryptionConfig", () => {
  it("resolves base64 and env keys", () => {
    const config = compileEncryptionConfig(
      {
        activeKeyId: "k2",
        keys: [
          { id: "k1", key: `base64:${b64(key1)}` },
          { id: "k2", key: "env:CONCORD_K2" },
        ],
      },
      "postgres://db/concord",
      { CONCORD_K2: b64(key2) },
    );
    expect(config).toEqual({
      source: "configured",
      activeKeyId: "k2",
      keys: [
        { id: "k1", key: key1 },
        { id: "k2", key: key2 },
      ],
    });
  });

  it("refuses a PostgreSQL store without a key, and generates one only for embedded stores", () => {
    expect(() => compileEncryptionConfig(undefined, "postgres://db/concord")).toThrow(
      expect.objectContaining({
        code: "CONCORD_ERR_CONFIG_INVALID",
        message: expect.stringContaining("PostgreSQL store needs an encryption key"),
      }),
    );
    expect(compileEncryptionConfig(undefined, "memory:")).toEqual({ source: "generated", keyFile: undefined });
    expect(compileEncryptionConfig(undefined, "pglite:/var/concord/data")).toEqual({
      source: "generated",
      keyFile: join("/var/concord/data", GENERATED_KEY_FILE),
    });
  });

  it.each([
    [
      { activeKeyId: "k1", keys: [{ id: "k1", key: `base64:${b64(randomBytes(16))}` }] },
      'encryption key "k1" must be 32 bytes, not 16',
    ],
    [{ activeKeyId: "k1", keys: [{ id: "k1", key: "base64:not*base64" }] }, 'encryption key "k1" is not base64'],
    [
      { activeKeyId: "k1", keys: [{ id: "k1", key: "env:MISSING_KEY" }] },
      "environment variable MISSING_KEY is not set",
    ],
    [
      { activeKeyId: "k9", keys: [{ id: "k1", key: `base64:${b64(key1)}` }] },
      'the active encryption key "k9" is not configured',
    ],
    [{ activeKeyId: "k1", keys: [{ id: "k1", key: b64(key1) }] }, "encryption.keys.0.key"],
    [{ activeKeyId: "k1", keys: [] }, "encryption.keys"],
  ])("refuses %j", (input, message) => {
    expect(() => compileEncryptionConfig(input, "memory:", {})).toThrow(message);
  });

  it("never repeats key material in its refusals", () => {
    const short = b64(randomBytes(31));
    try {
      compileEncryptionConfig({ activeKeyId: "k1", keys: [{ id: "k1", key: `base64:${short}` }] }, "memory:");
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain(short);
    }
  });
});

describe("openFieldCipher", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-keys-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("generates a key file once (mode 0600, with a warning) and reads it back on the next start", async () => {
    const config = compileEncryptionConfig(undefined, `pglite:${join(dir, "data")}`);
    const warnings: string[] = [];
    const first = await openFieldCipher(config, undefined, (m) => warnings.push(m));
    const file = join(dir, "data", GENERATED_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([
      expect.stringContaining(`generated one for supplier tax ids and bank accounts in ${file}`),
    ]);
    const second = await openFieldCipher(config, undefined, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(second.activeKeyId).toBe(first.activeKeyId);
    expect(second.decrypt(first.encrypt("123456789", "c"), "c")).toBe("123456789");
    // The file is an `encryption` section as it stands: it can be moved into a configuration.
    const asConfig = compileEncryptionConfig(JSON.parse(await readFile(file, "utf8")), "postgres://db/concord");
    expect(
      await openFieldCipher(asConfig, undefined, () => {}).then((c) => c.decrypt(first.encrypt("x", "c"), "c")),
    ).toBe("x");
  });

  describe("against a store", () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore("memory:");
      const k1 = createFieldCipher({ activeKeyId: "k1", keys: [{ id: "k1", key: key1 }] });
      await upsertSensitiveFieldRows(store, [sealSupplierSensitive(k1, "sup-1", "taxId", "123456789")]);
    });
    afterAll(() => store.close());

    it("refuses to start when stored values use a key that is not configured", async () => {
      const onlyK2 = compileEncryptionConfig(
        { activeKeyId: "k2", keys: [{ id: "k2", key: `base64:${b64(key2)}` }] },
        "memory:",
      );
      await expect(openFieldCipher(onlyK2, store, () => {})).rejects.toThrow(
        /keys that are not configured: "k1" \(1 values\)/,
      );
      const both = compileEncryptionConfig(
        {
          activeKeyId: "k2",
          keys: [
            { id: "k1", key: `base64:${b64(key1)}` },
            { id: "k2", key: `base64:${b64(key2)}` },
          ],
        },
        "memory:",
      );
      expect((await openFieldCipher(both, store, () => {})).activeKeyId).toBe("k2");
    });
  });
});
