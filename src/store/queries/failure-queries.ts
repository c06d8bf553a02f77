import { CONTRACT_VERSION_EVENT } from "../../model/index.js";
import type { Queryable } from "../store.js";

export interface FailureFilter {
  readonly kind?: "dead-letter" | "exception" | undefined;
  readonly system?: string | undefined;
  /** Prefix of the event type (dead letters) or rule (exceptions): `invoice-match` matches every match rule. */
  readonly type?: string | undefined;
  readonly urgency?: string | undefined;
  readonly olderThanHours?: number | undefined;
  /** Exceptions' status (dead letters are always `dead`); default open. */
  readonly status?: "open" | "resolved" | undefined;
  readonly limit: number;
}

// One shape for both, so an operator sees one work list: dead letters' urgency is the dispatcher's
// (a contract version is financial: buyers pay the old price until it lands), exceptions carry theirs.
const failuresSql = (kind: string, status: string) => `
  SELECT 'dead-letter' AS kind, d.id::bigint AS id, d.target AS system, e.event_type AS type,
    CASE WHEN e.event_type = '${CONTRACT_VERSION_EVENT}' THEN 'financial' ELSE 'routine' END AS urgency,
    coalesce(d.last_error, 'retries exhausted') AS message, coalesce(d.settled_at, d.created_at) AS at,
    e.correlation_id AS correlation_id, 'dead' AS status, d.business_key AS subject
  FROM deliveries d JOIN events e ON e.id = d.event_id WHERE d.status = 'dead' AND ${kind}::text IS DISTINCT FROM 'exception'
  UNION ALL
  SELECT 'exception', x.id::bigint, coalesce(x.system, 'concord'), x.rule, x.urgency, x.message, x.created_at,
    x.correlation_id, x.status, x.subject_type || ':' || x.subject_id
  FROM exceptions x WHERE x.status = ${status} AND ${kind}::text IS DISTINCT FROM 'dead-letter'`;

/** Dead letters and exceptions as one list, newest first, with the values the filters can take. */
export async function listFailures(q: Queryable, f: FailureFilter) {
  const params = [
    f.kind ?? null,
    f.system ?? null,
    f.type ?? null,
    f.urgency ?? null,
    f.olderThanHours ?? null,
    f.status ?? "open",
  ];
  const items = await q.query(
    `SELECT kind, id::int AS id, system, type, urgency, message, at AS "createdAt", correlation_id AS "correlationId",
       status, subject, round(extract(epoch FROM (now() - at)) / 3600.0, 1)::float8 AS "ageHours"
     FROM (${failuresSql("$1", "$6")}) f
     WHERE ($2::text IS NULL OR system = $2) AND ($3::text IS NULL OR type LIKE replace(replace($3, '%', '\\%'), '_', '\\_') || '%')
       AND ($4::text IS NULL OR urgency = $4) AND ($5::float8 IS NULL OR at <= now() - $5 * interval '1 hour')
     ORDER BY at DESC, kind, id DESC LIMIT $7`,
    [...params, f.limit],
  );
  const facets = await q.query<{ system: string; type: string; urgency: string }>(
    `SELECT DISTINCT system, type, urgency FROM (${failuresSql("$1", "$2")}) f ORDER BY 1, 2, 3`,
    [f.kind ?? null, f.status ?? "open"],
  );
  const distinct = (k: "system" | "type" | "urgency") => [...new Set(facets.map((r) => r[k]))].sort();
  return { items, facets: { systems: distinct("system"), types: distinct("type"), urgencies: distinct("urgency") } };
}

/** One exception with its details and the inbound message of its transaction (the original payload). */
export async function exceptionDetail(q: Queryable, id: number) {
  const [x] = await q.query<{ correlationId: string | null } & Record<string, unknown>>(
    `SELECT id, code, rule, urgency, subject_type AS "subjectType", subject_id AS "subjectId", system, message, details,
       correlation_id AS "correlationId", status, created_at AS "createdAt", resolved_at AS "resolvedAt",
       resolution, resolution_code AS "resolutionCode", resolved_by AS "resolvedBy"
     FROM exceptions WHERE id = $1`,
    [id],
  );
  if (!x) return undefined;
  const [original] = x.correlationId
    ? await q.query<{ system: string; messageType: string; contentType: string; body: string }>(
        `SELECT system, message_type AS "messageType", content_type AS "contentType", body FROM inbound_messages
         WHERE correlation_id = $1 ORDER BY id LIMIT 1`,
        [x.correlationId],
      )
    : [];
  return { exception: x, original: original ?? null };
}
