import { describe, expect, it } from "vitest";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

/**
 * The contract pricing service: contract terms and versions, the effective price (tiers and
 * eligibility applied), price changes since a time; and the lifecycle of the route it replaces.
 */
describe.each(STORE_KINDS)("contract pricing service ($name)", (kind) => {
  const env = useRecordingHub(kind);

  it("answers the effective price with the tier of the facility, and what changed since a time", async () => {
    // The seeded version was released when the hub started, before this instant.
    const before = (
      await env.hub.store.query<{ t: string }>(
        `SELECT to_char(max(released_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t FROM contract_versions`,
      )
    )[0]!.t;
    const first = await getJson(`${env.hub.url}/v1/pricing/changes?since=${encodeURIComponent(before)}`);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([]);

    expect((await postVersion(env.hub.url, amendment(contractV1(), 2, "2026-02-01"))).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-1", 2)).procurement === "acknowledged");
    await waitFor(
      async () =>
        (await getJson(`${env.hub.url}/v1/pricing/changes?since=${encodeURIComponent(before)}`)).body.items.length ===
        1,
    );

    const changes = await getJson(`${env.hub.url}/v1/pricing/changes?since=${encodeURIComponent(before)}`);
    const v2 = changes.body.items[0];
    expect(v2).toMatchObject({ contractId: "ctr-1", version: 2, supplierId: "sup-1", effectiveFrom: "2026-01-01" });
    expect(v2.lines).toHaveLength(3);
    expect(v2.lines[0]).toMatchObject({
      change: "changed",
      itemId: "itm-1",
      uom: "box",
      before: { unitPrice: "11.50" },
      after: { unitPrice: "12.50" },
    });

    // Tier 1 at fac-1, tier 2 at fac-2, from the released version 2 on a date it is in force.
    const fac1 = await getJson(`${env.hub.url}/v1/pricing/effective-price?item=itm-1&facility=fac-1&on=2026-03-01`);
    const fac2 = await getJson(`${env.hub.url}/v1/pricing/effective-price?item=itm-1&facility=fac-2&on=2026-03-01`);
    expect(fac1.status).toBe(200);
    expect(fac1.body).toMatchObject({ contractId: "ctr-1", version: 2, unitPrice: "11.25", tier: 1 });
    // The amendment helper gives every tier of a line the same new price: the tier is what differs.
    expect(fac2.body).toMatchObject({ unitPrice: "11.25", tier: 2 });
    const ineligible = await getJson(
      `${env.hub.url}/v1/pricing/effective-price?item=itm-1&facility=fac-9&on=2026-03-01`,
    );
    expect(ineligible.status).toBe(404);
  });

  it("pages the change feed with a cursor that neither skips nor repeats, and refuses a forged cursor", async () => {
    const since = "2000-01-01T00:00:00Z";
    const all = await getJson(`${env.hub.url}/v1/pricing/changes?since=${since}&limit=500`);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await getJson(
        `${env.hub.url}/v1/pricing/changes?since=${since}&limit=1${next ? `&cursor=${next}` : ""}`,
      );
      seen.push(...page.body.items.map((i: { contractId: string; version: number }) => `${i.contractId}@${i.version}`));
      next = page.body.next;
    } while (next);
    expect(seen).toEqual(
      all.body.items.map((i: { contractId: string; version: number }) => `${i.contractId}@${i.version}`),
    );
    expect(new Set(seen).size).toBe(seen.length);
    const forged = await getJson(`${env.hub.url}/v1/pricing/changes?since=${since}&cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe("CONCORD_ERR_INPUT_QUERY");
    const noZone = await getJson(`${env.hub.url}/v1/pricing/changes?since=2026-01-01T00:00:00`);
    expect(noZone.status).toBe(400);
    const noSuchDay = await getJson(`${env.hub.url}/v1/pricing/changes?since=2026-02-30T00:00:00Z`);
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.code).toBe("CONCORD_ERR_INPUT_QUERY");
  });

  it("lists a contract's versions with their terms", async () => {
    const { status, body } = await getJson(`${env.hub.url}/v1/contracts/ctr-1/versions`);
    expect(status).toBe(200);
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(body.versions[1]).toMatchObject({ status: "released", sourceSystem: "clm", expiresOn: "2028-12-31" });
    expect(body.versions[1].terms.eligibility).toHaveLength(2);
    expect(body.versions[1].terms.rebates[0]).toMatchObject({ kind: "volume", percent: "2.5" });
    expect((await getJson(`${env.hub.url}/v1/contracts/ctr-nope/versions`)).status).toBe(404);
  });

  it("answers the deprecated /v1/prices with Deprecation, Sunset and a successor link, and counts its calls", async () => {
    const res = await fetch(`${env.hub.url}/v1/prices?item=itm-1&facility=fac-1&on=2026-03-01`, {
      headers: hubHeaders(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe(`@${Date.parse("2026-11-25") / 1000}`);
    expect(res.headers.get("sunset")).toBe("Wed, 30 Jun 2027 00:00:00 GMT");
    expect(res.headers.get("link")).toBe('</v1/pricing/effective-price>; rel="successor-version"');
    const current = await fetch(`${env.hub.url}/v1/pricing/effective-price?item=itm-1&facility=fac-1&on=2026-03-01`, {
      headers: hubHeaders(),
    });
    expect(current.headers.get("deprecation")).toBeNull();

    const counted = await waitFor(async () => {
      const { body } = await getJson(`${env.hub.url}/v1/deprecations`);
      const prices = body.items.find((d: { route: string }) => d.route === "/v1/prices");
      return prices?.calls >= 1 ? prices : undefined;
    }, 10_000);
    expect(counted).toMatchObject({ method: "GET", sunset: "2027-06-30", successor: "/v1/pricing/effective-price" });
    expect(counted.byClient[0]).toMatchObject({ client: "test-operator" });
  });
});
