import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { Errors } from "../errors/index.js";

/**
 * Encrypts single sensitive values (tax ids, bank accounts) for storage: AES-256-GCM with a random
 * 96-bit nonce per value and the value's context (e.g. "supplier:S-1:taxId") as additional
 * authenticated data, so a ciphertext moved to another record or field fails to decrypt.
 *
 * The envelope names its key ("v1.<keyId>.<nonce>.<ciphertext+tag>", base64url), so keys rotate:
 * new values use the active key, old ones decrypt with any configured key until re-encrypted.
 */
export interface FieldCipher {
  readonly activeKeyId: string;
  /** Every configured key id, the active one included. */
  readonly keyIds: readonly string[];
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
  /**
   * The key an envelope was sealed with (to find values that still need re-encryption). Reads the
   * envelope only, so it also names keys that are no longer configured.
   */
  keyIdOf(envelope: string): string;
  /**
   * A keyed HMAC of the value in its context, to tell whether a value changed without decrypting
   * the one held. Keyed per encryption key (default the active one): a stored fingerprint is
   * comparable only with one made under the same key id as its envelope.
   */
  fingerprint(plaintext: string, context: string, keyId?: string): string;
}

export interface FieldKey {
  readonly id: string;
  /** 32 bytes. */
  readonly key: Buffer;
}

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// A separate key for fingerprints, derived from the encryption key: the HMAC key never doubles as
// the AES key, and no second secret has to be configured and rotated alongside it.
const FINGERPRINT_INFO = Buffer.from("concord/field-fingerprint/v1", "utf8");

export function createFieldCipher(config: {
  readonly activeKeyId: string;
  readonly keys: readonly FieldKey[];
}): FieldCipher {
  const keys = new Map<string, { readonly aes: Buffer; readonly mac: Buffer }>();
  for (const k of config.keys) {
    if (!KEY_ID.test(k.id))
      throw Errors.ConfigInvalid(`encryption key id "${k.id}" must be 1-32 letters, digits, - or _`);
    if (k.key.length !== 32)
      throw Errors.ConfigInvalid(`encryption key "${k.id}" must be 32 bytes, not ${k.key.length}`);
    if (keys.has(k.id)) throw Errors.ConfigInvalid(`encryption key id "${k.id}" is configured twice`);
    const mac = Buffer.from(hkdfSync("sha256", k.key, Buffer.alloc(0), FINGERPRINT_INFO, 32));
    keys.set(k.id, { aes: k.key, mac });
  }
  const active = keys.get(config.activeKeyId);
  if (!active) throw Errors.ConfigInvalid(`the active encryption key "${config.activeKeyId}" is not configured`);

  const keyFor = (keyId: string) => {
    const key = keys.get(keyId);
    // A missing key is a configuration error (a retired key still in use), never silently "no value".
    if (!key) throw Errors.ConfigInvalid(`encryption key "${keyId}" is not configured but a stored value uses it`);
    return key;
  };

  return {
    activeKeyId: config.activeKeyId,
    keyIds: [...keys.keys()],
    encrypt(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", active.aes, nonce);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, config.activeKeyId, nonce.toString("base64url"), sealed.toString("base64url")].join(".");
    },
    decrypt(envelope, context) {
      const parts = parseEnvelope(envelope);
      const { aes } = keyFor(parts.keyId);
      const decipher = createDecipheriv("aes-256-gcm", aes, parts.nonce);
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(parts.sealed.subarray(parts.sealed.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(parts.sealed.subarray(0, parts.sealed.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch (e) {
        throw Errors.SensitiveValueUnreadable(
          `the encrypted value of ${context} fails authentication (tampered, or moved between records)`,
          {},
          e,
        );
      }
    },
    keyIdOf: (envelope) => parseEnvelope(envelope).keyId,
    fingerprint(plaintext, context, keyId = config.activeKeyId) {
      // The context is length-prefixed so ("a:b", "c") and ("a", "b:c") can never collide.
      return createHmac("sha256", keyFor(keyId).mac)
        .update(`${context.length}:${context}:${plaintext}`, "utf8")
        .digest("base64url");
    },
  };
}

function parseEnvelope(envelope: string) {
  const parts = envelope.split(".");
  const [version, keyId, nonce, sealed] = parts;
  if (parts.length !== 4 || version !== VERSION || !KEY_ID.test(keyId!))
    throw Errors.SensitiveValueUnreadable("a stored encrypted value is not an envelope");
  const out = { keyId: keyId!, nonce: Buffer.from(nonce!, "base64url"), sealed: Buffer.from(sealed!, "base64url") };
  // GCM accepts other nonce lengths, so a cut nonce would only show up as a failed tag: say what it is.
  if (out.nonce.length !== NONCE_BYTES || out.sealed.length < TAG_BYTES)
    throw Errors.SensitiveValueUnreadable("a stored encrypted value is truncated");
  return out;
}

/**
 * "123456789" → "*****6789": enough to recognise a value, not to use it. A value shorter than
 * twice `visible` is masked whole, since its tail would be most of it.
 */
export function maskTail(value: string, visible = 4): string {
  if (value.length < visible * 2) return "*".repeat(value.length);
  return "*".repeat(value.length - visible) + value.slice(-visible);
}
