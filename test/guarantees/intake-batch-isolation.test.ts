import { describe, expect, it } from "vitest";
import { ConcordError } from "../../src/errors/index.js";
import { type AcceptedVersion, acceptContractVersions } from "../../src/workflows/contract-propagation/index.js";
import { INTAKE_CONFIG as config, intakeItem as item, useIntakeStore } from "../support/intake-fixtures.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";

/**
 * Messages arriving together are accepted in one transaction (group commit). Each must still get
 * exactly the answer it would have got alone, and one message's rejection must not touch another.
 */
describe.each(STORE_KINDS)("intake batch isolation ($name)", (kind) => {
  const env = useIntakeStore(kind);

  it("decides every message of a mixed batch on its own merits, in arrival order", async () => {
    const v1 = contractV1();
    const other = contractV1({ id: "ctr-b", number: "AGR-B" });
    const unmapped = contractV1({
      id: "ctr-c",
      number: "AGR-C",
      priceLines: [{ lineNo: 1, itemId: "itm-4", uom: "box", unitPrice: "1.00", tierPrices: [] }],
    });
    const broken = { ...contractV1({ id: "ctr-d", number: "AGR-D" }), expiresOn: "2020-01-01" };
    const batch = [
      item(amendment(v1, 2, "2026-03-01"), "clm", "m-v2"), // 0 accepted
      item(amendment(v1, 2, "2026-03-01"), "clm", "m-v2"), // 1 same message again: the first's answer
      item(amendment(v1, 3, "2026-04-01")), // 2 accepted: v3 after v2 in the same batch
      item(amendment(v1, 2, "2026-03-01")), // 3 parked: v2 is no longer newer than v3
      item(amendment(v1, 4, "2026-05-01"), "procurement"), // 4 ownership violation
      item(other), // 5 accepted: a new contract
      item(unmapped), // 6 rejected: itm-4 has no procurement id
      item(broken), // 7 rejected: ends before it starts
    ];
    const { outcomes: out } = await acceptContractVersions(env.store, config, batch);

    const ok = (i: number) => out[i] as AcceptedVersion;
    const err = (i: number) => out[i] as ConcordError;
    expect(ok(0)).toMatchObject({ status: "accepted", contractId: "ctr-1", version: 2 });
    expect(ok(1)).toMatchObject({
      status: "accepted",
      version: 2,
      duplicate: true,
      correlationId: ok(0).correlationId,
    });
    expect(ok(2)).toMatchObject({ status: "accepted", version: 3 });
    expect(ok(3)).toMatchObject({ status: "parked", version: 2 });
    expect(err(4)).toBeInstanceOf(ConcordError);
    expect(err(4).code).toBe("CONCORD_ERR_POLICY_OWNERSHIP");
    expect(ok(5)).toMatchObject({ status: "accepted", contractId: "ctr-b", version: 1 });
    expect(err(6).code).toBe("CONCORD_ERR_REF_UNKNOWN");
    expect(err(6).message).toContain("item itm-4 is not mapped in procurement");
    expect(err(7).code).toBe("CONCORD_ERR_CONTRACT_RULES");

    const versions = await env.store.query<{ contract_id: string; version: number; status: string }>(
      "SELECT contract_id, version, status FROM contract_versions ORDER BY contract_id, version",
    );
    expect(versions.map((v) => `${v.contract_id}@${v.version}:${v.status}`)).toEqual([
      "ctr-1@1:released",
      "ctr-1@2:propagating",
      "ctr-1@3:propagating",
      "ctr-b@1:propagating",
    ]);
    const current = await env.store.query<{ id: string; current_version: number }>(
      "SELECT id, current_version FROM contracts ORDER BY id",
    );
    expect(current.map((c) => `${c.id}=${c.current_version}`)).toEqual(["ctr-1=3", "ctr-b=1"]);
    // one event per accepted version, each with one delivery per target; none for the rest
    const events = await env.store.query<{ business_key: string; key_version: number; n: number }>(
      `SELECT e.business_key, e.key_version, count(d.id)::int AS n FROM events e JOIN deliveries d ON d.event_id = e.id
       GROUP BY e.business_key, e.key_version ORDER BY 1, 2`,
    );
    expect(events.map((e) => `${e.business_key}@${e.key_version}x${e.n}`)).toEqual([
      "contract:ctr-1@2x2",
      "contract:ctr-1@3x2",
      "contract:ctr-b@1x2",
    ]);
    // every distinct message recorded raw with its outcome; the repeat is not a second row
    const inbound = await env.store.query<{ status: string }>("SELECT status FROM inbound_messages ORDER BY id");
    expect(inbound.map((r) => r.status)).toEqual([
      "accepted",
      "accepted",
      "parked",
      "rejected",
      "accepted",
      "rejected",
      "rejected",
    ]);
    const [violations] = await env.store.query<{ n: number }>("SELECT count(*)::int AS n FROM policy_violations");
    const [exceptions] = await env.store.query<{ n: number }>("SELECT count(*)::int AS n FROM exceptions");
    expect([violations!.n, exceptions!.n]).toEqual([1, 2]);
    // each event carries only its own contract's cross-references
    const [payload] = await env.store.query<{ payload: { xrefs: { procurement: { item: Record<string, string> } } } }>(
      "SELECT payload FROM events WHERE business_key = 'contract:ctr-b'",
    );
    expect(Object.keys(payload!.payload.xrefs.procurement.item).sort()).toEqual(["itm-1", "itm-2", "itm-3"]);
  });
});
