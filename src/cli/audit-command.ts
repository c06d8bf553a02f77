import { type ChainTip, verifyAuditChain } from "../audit/index.js";
import { openStore } from "../store/index.js";

export interface AuditVerifyOptions {
  /** memory: | pglite:<folder> | postgres://… — a PGlite folder only while the hub is stopped. */
  readonly storeUrl: string;
  readonly out: { write(s: string): unknown };
  readonly fromSeq?: number;
  /** A tip recorded earlier outside the database ("seq:hash"), checked against the record at seq. */
  readonly anchor?: ChainTip;
}

/**
 * `concord audit verify`: walks the store's audit chain and prints "audit chain intact: N records"
 * or every problem with its seq and kind. Returns the exit code: 0 intact, 1 tampered.
 */
export async function auditVerifyCommand(o: AuditVerifyOptions): Promise<number> {
  const store = await openStore(o.storeUrl);
  try {
    const result = await verifyAuditChain(store, {
      ...(o.fromSeq ? { fromSeq: o.fromSeq } : {}),
      ...(o.anchor ? { anchors: [o.anchor] } : {}),
    });
    const tip = result.tip ? `; tip ${result.tip.seq}:${result.tip.hash}` : "";
    if (result.ok) {
      o.out.write(`audit chain intact: ${result.checked} records${tip}\n`);
      return 0;
    }
    o.out.write(
      `audit chain TAMPERED: ${result.problems.length + result.problemsOmitted} problems in ${result.checked} records${tip}\n`,
    );
    for (const p of result.problems) o.out.write(`  seq ${p.seq}  ${p.kind.padEnd(11)}  ${p.message}\n`);
    if (result.problemsOmitted > 0) o.out.write(`  … and ${result.problemsOmitted} more\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/** "--anchor 1200:ab12…" → { seq: 1200, hash: "ab12…" }; throws with what is wrong. */
export function parseAnchor(text: string): ChainTip {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new Error(`--anchor "${text}" is not <seq>:<64 hex digits of SHA-256>`);
  return { seq: Number(m[1]), hash: m[2]! };
}
