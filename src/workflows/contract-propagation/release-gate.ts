import { Errors } from "../../errors/index.js";
import type { SettledDelivery } from "../../events/index.js";
import { CONTRACT_VERSION_EVENT } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";

/**
 * The price gate: a contract version is released to buyers once every required target has
 * acknowledged it. Called inside the transaction that records an acknowledgment, so the release
 * and the acknowledgment that completed it commit together.
 */
export async function releaseIfAcknowledged(tx: Queryable, settled: SettledDelivery): Promise<boolean> {
  const d = settled.delivery;
  if (d.eventType !== CONTRACT_VERSION_EVENT || settled.status !== "acknowledged") return false;
  const contractId = d.businessKey.slice("contract:".length);
  // Lock the version first: two targets acknowledging at the same moment in two transactions
  // would otherwise each miss the other's uncommitted acknowledgment, and neither would release.
  const [version] = await tx.query<{ status: string }>(
    "SELECT status FROM contract_versions WHERE contract_id = $1 AND version = $2 FOR UPDATE",
    [contractId, d.keyVersion],
  );
  if (version?.status !== "propagating") return false;
  const rows = await tx.query(
    `UPDATE contract_versions SET status = 'released', released_at = now(),
       release_reason = 'all required targets acknowledged'
     WHERE contract_id = $1 AND version = $2
       AND NOT EXISTS (
         SELECT 1 FROM deliveries
         WHERE business_key = $3 AND key_version = $2 AND required AND status <> 'acknowledged')
     RETURNING version`,
    [contractId, d.keyVersion, d.businessKey],
  );
  return rows.length > 0;
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
}
