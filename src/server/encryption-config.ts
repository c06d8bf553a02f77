import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { type Static, Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Errors } from "../errors/index.js";
import {
  countSensitiveFieldsByKey,
  createFieldCipher,
  type FieldCipher,
  type FieldKey,
  loadOrCreateGeneratedKey,
} from "../security/index.js";
import type { Store } from "../store/index.js";

const KeyId = Type.String({ pattern: "^[A-Za-z0-9_-]{1,32}$" });

/**
 * `encryption` in the hub configuration: the keys that seal supplier tax ids and bank accounts.
 * Each key is 32 bytes, given as "base64:<44 characters>" or "env:NAME" (a variable holding the
 * base64, so the key stays out of the file). New values use `activeKeyId`; the others are kept to
 * read values sealed before a rotation (docs/security.md).
 */
export const EncryptionConfigSchema = Type.Object(
  {
    activeKeyId: KeyId,
    keys: Type.Array(
      Type.Object({ id: KeyId, key: Type.String({ pattern: "^(base64|env):.+$" }) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

export type EncryptionConfigInput = Static<typeof EncryptionConfigSchema>;

export type EncryptionConfig =
  | { readonly source: "configured"; readonly activeKeyId: string; readonly keys: readonly FieldKey[] }
  /** No key configured, embedded store: a generated key, in this file (pglite) or in memory (memory:). */
  | { readonly source: "generated"; readonly keyFile: string | undefined };

/** The generated key of an embedded store lives in its data folder, beside the PGlite files. */
export const GENERATED_KEY_FILE = "concord-encryption-key.json";

const checker = TypeCompiler.Compile(EncryptionConfigSchema);

/**
 * Validates the `encryption` section and resolves its keys. A PostgreSQL store without one is
 * refused: its data outlives any one machine, so a key made up on the spot would be lost with it.
 */
export function compileEncryptionConfig(
  input: EncryptionConfigInput | undefined,
  storeUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): EncryptionConfig {
  if (input === undefined) {
    if (/^postgres(ql)?:\/\//.test(storeUrl)) {
      throw Errors.ConfigInvalid(
        "encryption: a PostgreSQL store needs an encryption key for supplier tax ids and bank accounts (encryption.activeKeyId and encryption.keys; see docs/security.md)",
      );
    }
    return {
      source: "generated",
      keyFile: storeUrl.startsWith("pglite:")
        ? join(resolve(storeUrl.slice("pglite:".length)), GENERATED_KEY_FILE)
        : undefined,
    };
  }
  const first = checker.Errors(input).First();
  // TypeBox's message names the rule, not the value, so no key material reaches the error.
  if (first) throw Errors.ConfigInvalid(`encryption${first.path.replace(/\//g, ".")}: ${first.message}`);
  const keys = input.keys.map((k) => ({ id: k.id, key: resolveKey(k.id, k.key, env) }));
  // Ids, lengths, duplicates and the active key are the cipher's own checks: run them now, at start-up.
  createFieldCipher({ activeKeyId: input.activeKeyId, keys });
  return { source: "configured", activeKeyId: input.activeKeyId, keys };
}

function resolveKey(id: string, ref: string, env: NodeJS.ProcessEnv): Buffer {
  let text = ref;
  if (ref.startsWith("env:")) {
    const name = ref.slice("env:".length);
    const value = env[name];
    if (!value) throw Errors.ConfigInvalid(`encryption key "${id}": environment variable ${name} is not set`);
    text = value.startsWith("base64:") ? value : `base64:${value}`;
  }
  const b64 = text.slice("base64:".length).trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw Errors.ConfigInvalid(`encryption key "${id}" is not base64`);
  const key = Buffer.from(b64, "base64");
  if (key.length !== 32)
    throw Errors.ConfigInvalid(`encryption key "${id}" must be 32 bytes, not ${key.length} (openssl rand -base64 32)`);
  return key;
}

/**
 * The cipher a hub (or `concord keys rotate`) works with. A generated key is announced through
 * `warn`. Given the store, refuses to start when stored values use a key that is not configured:
 * they could be neither read nor compared, and a lost generated key file shows up here rather
 * than as failing reads.
 */
export async function openFieldCipher(
  config: EncryptionConfig,
  store: Store | undefined,
  warn: (message: string) => void,
): Promise<FieldCipher> {
  let cipher: FieldCipher;
  if (config.source === "configured") {
    cipher = createFieldCipher(config);
  } else if (config.keyFile === undefined) {
    // A memory: store forgets everything at exit; its key may as well.
    cipher = createFieldCipher({ activeKeyId: "ephemeral", keys: [{ id: "ephemeral", key: randomBytes(32) }] });
  } else {
    const { key, created } = await loadOrCreateGeneratedKey(config.keyFile);
    if (created) {
      warn(
        `no encryption key configured: generated one for supplier tax ids and bank accounts in ${config.keyFile} (keep it with the data; configure encryption for anything but a sandbox, see docs/security.md)`,
      );
    }
    cipher = createFieldCipher({ activeKeyId: key.id, keys: [key] });
  }
  if (!store) return cipher;
  const missing = [...(await countSensitiveFieldsByKey(store))].filter(([id]) => !cipher.keyIds.includes(id));
  if (missing.length > 0) {
    const list = missing.map(([id, n]) => `"${id}" (${n} values)`).join(", ");
    throw Errors.ConfigInvalid(
      `encryption: stored supplier tax ids and bank accounts use keys that are not configured: ${list}. Configure them again; retire a key only after concord keys rotate`,
    );
  }
  return cipher;
}
