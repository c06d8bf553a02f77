import type { Contract } from "../../model/index.js";
import type { Queryable } from "../store.js";

export type ContractVersionStatus = "propagating" | "released" | "parked";

export async function getContractVersion(q: Queryable, id: string, version?: number): Promise<Contract | undefined> {
  const [row] = await q.query<{ body: Contract }>(
    version === undefined
      ? `SELECT v.body FROM contracts c JOIN contract_versions v ON v.contract_id = c.id AND v.version = c.current_version
         WHERE c.id = $1`
      : "SELECT body FROM contract_versions WHERE contract_id = $1 AND version = $2",
    version === undefined ? [id] : [id, version],
  );
  return row?.body;
}

/**
 * Every released version of every contract that has ever priced the item. The resolver needs
 * them all, not only those covering the date: a newer version that dropped the item or ended the
 * contract early must win over an older one that still prices it, and later versions bound how
 * long an answer holds (validTo).
 */
export async function releasedVersionsPricing(q: Queryable, itemId: string): Promise<Contract[]> {
  const rows = await q.query<{ body: Contract }>(
    `SELECT v.body FROM contract_versions v
     WHERE v.released_at IS NOT NULL
       AND v.contract_id IN (SELECT contract_id FROM contract_item_index WHERE item_id = $1)`,
    [itemId],
  );
  return rows.map((r) => r.body);
}

/**
 * Every released version of every contract that prices any of `itemIds`, each once: what a
 * document with many lines needs in one query (the per-item lookup above, once per line, read the
 * same contract again for every line it prices).
 */
export async function releasedVersionsPricingAny(q: Queryable, itemIds: readonly string[]): Promise<Contract[]> {
  if (itemIds.length === 0) return [];
  const rows = await q.query<{ body: Contract }>(
    `SELECT v.body FROM contract_versions v
     WHERE v.released_at IS NOT NULL
       AND v.contract_id IN (SELECT DISTINCT contract_id FROM contract_item_index WHERE item_id = ANY($1::text[]))
     ORDER BY v.contract_id, v.version`,
    [itemIds],
  );
  return rows.map((r) => r.body);
}

export interface VersionPropagation {
  readonly version: number;
  readonly status: ContractVersionStatus;
  readonly receivedAt: string;
  readonly releasedAt: string | null;
  readonly releaseReason: string | null;
  readonly correlationId: string;
  readonly targets: readonly {
    readonly deliveryId: number;
    readonly target: string;
    readonly required: boolean;
    readonly status: string;
    readonly attempts: number;
    readonly lastErrorCode: string | null;
    readonly lastError: string | null;
    readonly ackRef: string | null;
    readonly nextAttemptAt: string | null;
    readonly settledAt: string | null;
  }[];
}

/** Per-version, per-target delivery state of a contract, newest version first. */
export async function contractPropagation(q: Queryable, contractId: string): Promise<VersionPropagation[]> {
  const versions = await q.query<{
    version: number;
    status: ContractVersionStatus;
    received_at: Date;
    released_at: Date | null;
    release_reason: string | null;
    correlation_id: string;
  }>(
    `SELECT version, status, received_at, released_at, release_reason, correlation_id
     FROM contract_versions WHERE contract_id = $1 ORDER BY version DESC`,
    [contractId],
  );
  const deliveries = await q.query<{
    id: number;
    key_version: number;
    target: string;
    required: boolean;
    status: string;
    attempts: number;
    last_error_code: string | null;
    last_error: string | null;
    ack_ref: string | null;
    next_attempt_at: Date;
    settled_at: Date | null;
  }>(
    `SELECT id, key_version, target, required, status, attempts, last_error_code, last_error, ack_ref, next_attempt_at, settled_at
     FROM deliveries WHERE business_key = $1 ORDER BY key_version DESC, target`,
    [`contract:${contractId}`],
  );
  return versions.map((v) => ({
    version: v.version,
    status: v.status,
    receivedAt: v.received_at.toISOString(),
    releasedAt: v.released_at?.toISOString() ?? null,
    releaseReason: v.release_reason,
    correlationId: v.correlation_id,
    targets: deliveries
      .filter((d) => d.key_version === v.version)
      .map((d) => ({
        deliveryId: d.id,
        target: d.target,
        required: d.required,
        status: d.status,
        attempts: d.attempts,
        lastErrorCode: d.last_error_code,
        lastError: d.last_error,
        ackRef: d.ack_ref,
        nextAttemptAt: d.status === "pending" ? d.next_attempt_at.toISOString() : null,
        settledAt: d.settled_at?.toISOString() ?? null,
      })),
  }));
}

export interface ContractVersionTerms {
  readonly version: number;
  readonly status: ContractVersionStatus;
  readonly sourceSystem: string;
  readonly receivedAt: string;
  readonly releasedAt: string | null;
  readonly effectiveFrom: string;
  readonly expiresOn: string;
  readonly terms: Pick<Contract, "currency" | "pricingDateBasis" | "priceLines" | "eligibility" | "rebates">;
}

/** A contract's versions, oldest first, with their commercial terms. */
export async function contractVersionTerms(q: Queryable, id: string): Promise<ContractVersionTerms[]> {
  const rows = await q.query<{
    version: number;
    status: ContractVersionStatus;
    source_system: string;
    received_at: Date;
    released_at: Date | null;
    body: Contract;
  }>(
    `SELECT version, status, source_system, received_at, released_at, body
     FROM contract_versions WHERE contract_id = $1 ORDER BY version`,
    [id],
  );
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    sourceSystem: r.source_system,
    receivedAt: new Date(r.received_at).toISOString(),
    releasedAt: r.released_at ? new Date(r.released_at).toISOString() : null,
    effectiveFrom: r.body.effectiveFrom,
    expiresOn: r.body.expiresOn,
    terms: {
      currency: r.body.currency,
      pricingDateBasis: r.body.pricingDateBasis,
      priceLines: r.body.priceLines,
      eligibility: r.body.eligibility,
      rebates: r.body.rebates,
    },
  }));
}
