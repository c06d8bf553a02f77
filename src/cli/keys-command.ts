import { parseArgs } from "node:util";
import { type RotationReport, rotateSensitiveFields } from "../security/index.js";
import { compileEncryptionConfig, openFieldCipher } from "../server/encryption-config.js";
import type { HubConfigInput } from "../server/index.js";
import { openStore } from "../store/index.js";
import { type OnboardingRotationReport, rotateOnboardingValues } from "../workflows/supplier-onboarding/index.js";

export interface KeysCommandIo {
  readonly out: { write(s: string): unknown };
  /** The store when --store is not given (the CLI's CONCORD_STORE_URL or pglite:./data). */
  readonly defaultStoreUrl: string;
  readonly readConfig: (path: string) => Promise<HubConfigInput>;
}

/**
 * `concord keys rotate --config <file.json> [--store <url>] [--batch-size <n>]`: with a new key
 * configured as active and the old ones still listed, re-encrypts every stored tax id and bank
 * account that is not under the active key. Returns the exit code: 0 when every value is under the
 * active key, 1 when some are not (sealed with a key not configured, or unreadable), listed.
 */
export async function keysCommand(args: readonly string[], io: KeysCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { store: { type: "string" }, config: { type: "string" }, "batch-size": { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || positionals[0] !== "rotate") throw new Error("keys takes `rotate`");
  const batch = values["batch-size"] ?? "500";
  if (!/^[1-9]\d*$/.test(batch)) throw new Error(`--batch-size "${batch}" is not a whole number ≥ 1`);
  const config = values.config ? await io.readConfig(values.config) : {};
  if (!config.encryption) {
    throw new Error(
      "keys rotate needs the encryption section of a --config file: the new key as activeKeyId, the old ones still in keys (docs/security.md)",
    );
  }
  const storeUrl = values.store ?? config.storeUrl ?? io.defaultStoreUrl;
  const store = await openStore(storeUrl);
  try {
    // No refusal of unknown stored keys here: finding and reporting them is part of the job.
    const cipher = await openFieldCipher(compileEncryptionConfig(config.encryption, storeUrl), undefined, () => {});
    io.out.write(`re-encrypting sensitive fields under key "${cipher.activeKeyId}", ${batch} per transaction\n`);
    const report = await rotateSensitiveFields(store, cipher, {
      batchSize: Number(batch),
      onBatch: (n) => io.out.write(`  ${n} re-encrypted\n`),
    });
    const fieldsCode = printReport(report, cipher.activeKeyId, io.out);
    // Onboardings keep the tax id and bank account as sent, in envelopes of their own.
    const onboardings = await rotateOnboardingValues(store, cipher, { batchSize: Number(batch) });
    return printOnboardingReport(onboardings, cipher.activeKeyId, io.out) || fieldsCode;
  } finally {
    await store.close();
  }
}

function printReport(r: RotationReport, active: string, out: KeysCommandIo["out"]): number {
  out.write(
    `done: ${r.rotated} re-encrypted in ${r.batches} ${r.batches === 1 ? "batch" : "batches"}; ${r.underActiveKey} values under "${active}"\n`,
  );
  for (const u of r.unknownKeys) {
    out.write(
      `NOT ROTATED: ${u.count} values under key "${u.keyId}", which is not configured: list it in keys and run again\n`,
    );
  }
  for (const u of r.unreadable) {
    out.write(
      `NOT READABLE: ${u.entityType} ${u.entityId} ${u.field} fails authentication (tampered with, or moved)\n`,
    );
  }
  return r.unknownKeys.length > 0 || r.unreadable.length > 0 ? 1 : 0;
}

function printOnboardingReport(r: OnboardingRotationReport, active: string, out: KeysCommandIo["out"]): number {
  out.write(`onboardings: ${r.rotated} re-sealed under "${active}"\n`);
  for (const u of r.unknownKeys) {
    out.write(
      `NOT ROTATED: ${u.count} onboardings under key "${u.keyId}", which is not configured: list it in keys and run again\n`,
    );
  }
  for (const id of r.unreadable)
    out.write(`NOT READABLE: onboarding ${id} fails authentication (tampered with, or moved)\n`);
  return r.unknownKeys.length > 0 || r.unreadable.length > 0 ? 1 : 0;
}
