import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { SettledDelivery } from "../../events/index.js";
import { CONTRACT_VERSION_EVENT } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";

/**
 * The price gate: a contract version is released to buyers once every required target has
 * acknowledged it. Called inside the transaction that records acknowledgments, so the release and
 * the acknowledgment that completed it commit together. Returns the versions it released.
 */
export async function releaseIfAcknowledged(
  tx: Queryable,
  settled: readonly SettledDelivery[],
): Promise<{ contractId: string; version: number }[]> {
  const touched = new Map<string, { contractId: string; version: number }>();
  for (const s of settled) {
    const d = s.delivery;
    if (d.eventType !== CONTRACT_VERSION_EVENT || s.status !== "acknowledged") continue;
    const contractId = d.businessKey.slice("contract:".length);
    touched.set(`${contractId}\u0000${d.keyVersion}`, { contractId, version: d.keyVersion });
  }
  if (touched.size === 0) return [];
  const keys = [...touched.values()].sort((a, b) => a.contractId.localeCompare(b.contractId) || a.version - b.version);
  const ids = keys.map((k) => k.contractId);
  const versions = keys.map((k) => k.version);
  // Lock the versions first (in a fixed order, so two workers cannot deadlock): two targets
  // acknowledging at the same moment in two transactions would otherwise each miss the other's
  // uncommitted acknowledgment, and neither would release.
  await tx.query(
    `SELECT 1 FROM contract_versions v JOIN unnest($1::text[], $2::int[]) WITH ORDINALITY AS k(contract_id, version, n)
       ON v.contract_id = k.contract_id AND v.version = k.version
     WHERE v.status = 'propagating' ORDER BY k.n FOR UPDATE OF v`,
    [ids, versions],
  );
  const released = await tx.query<{ contractId: string; version: number }>(
    `UPDATE contract_versions v SET status = 'released', released_at = now(),
       release_reason = 'all required targets acknowledged'
     FROM unnest($1::text[], $2::int[]) AS k(contract_id, version)
     WHERE v.contract_id = k.contract_id AND v.version = k.version AND v.status = 'propagating'
       AND NOT EXISTS (
         SELECT 1 FROM deliveries d
         WHERE d.business_key = 'contract:' || v.contract_id AND d.key_version = v.version
           AND d.required AND d.status <> 'acknowledged')
     RETURNING v.contract_id AS "contractId", v.version`,
    [ids, versions],
  );
  await appendAudit(
    tx,
    released.map((r) => ({
      actor: "concord",
      action: "contract.version.released",
      subjectType: "contract",
      subjectId: r.contractId,
      detail: { version: r.version, reason: "all required targets acknowledged" },
    })),
  );
  return released;
}

/**
 * The approved fallback: a person releases a version although a required target has not
 * acknowledged it (e.g. the ERP is in a long maintenance window), stating who and why.
 */
export async function releaseByApproval(
  tx: Queryable,
  contractId: string,
  version: number,
  approval: { approvedBy: string; reason: string },
): Promise<void> {
  const rows = await tx.query<{ status: string }>(
    "SELECT status FROM contract_versions WHERE contract_id = $1 AND version = $2 FOR UPDATE",
    [contractId, version],
  );
  if (rows.length === 0) throw Errors.NotFound(`contract ${contractId} has no version ${version}`);
  if (rows[0]!.status !== "propagating") {
    throw Errors.ReleaseConflict(`contract ${contractId} version ${version} is ${rows[0]!.status}, not propagating`, {
      status: rows[0]!.status,
    });
  }
  await tx.query(
    `UPDATE contract_versions SET status = 'released', released_at = now(), release_reason = $3
     WHERE contract_id = $1 AND version = $2`,
    [contractId, version, `fallback approved by ${approval.approvedBy}: ${approval.reason}`],
  );
  await appendAudit(tx, [
    {
      actor: approval.approvedBy,
      action: "contract.version.released-by-approval",
      subjectType: "contract",
      subjectId: contractId,
      detail: { version, reason: approval.reason },
    },
  ]);
}
