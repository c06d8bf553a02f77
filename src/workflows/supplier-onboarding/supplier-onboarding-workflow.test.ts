import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../../test/support/stores.js";
import { createFieldCipher } from "../../security/index.js";
import type { Store } from "../../store/index.js";
import { ManualClock, runDueTimers, scheduleTimer } from "../timers/index.js";
import { decideApproval } from "./decide-approval.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { compileOnboardingOptions } from "./onboarding-options.js";
import type { OnboardingRequest } from "./onboarding-request.js";
import { ONBOARDING_WORKFLOW, timerKeys } from "./onboarding-status.js";
import { onboardingTimerHandler } from "./onboarding-timer-handler.js";
import { recordVendorNumber } from "./record-vendor-number.js";
import { loadExclusionList, parseExclusionList, screenParty } from "./screening/index.js";
import { startOnboarding } from "./start-onboarding.js";

const request = (n: number, over: Partial<OnboardingRequest> = {}): OnboardingRequest => ({
  name: `Workflow Test Supplier ${"ABCDEFGHIJ"[n]}${"KLMNOPQRST"[n]}`,
  address: { line1: `${n} Main St`, city: "Peoria", region: "IL", postalCode: "61602", country: "US" },
  taxId: `98-76543${String(n).padStart(2, "0")}`,
  w9: { onFile: true },
  bankAccount: { routingNumber: "011000015", accountNumber: `4400${n}1234`, accountType: "checking" },
  insurance: { certificateExpiresOn: "2030-01-01" },
  contacts: [{ name: "A. Person" }],
  ...over,
});

describe.each(STORE_KINDS)("the supplier onboarding workflow ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let deps: OnboardingDeps;
  const clock = new ManualClock("2026-05-04T10:00:00Z");
  const fire = (workerId = "w1") =>
    runDueTimers({
      store,
      workerId,
      leaseMs: 60_000,
      clock,
      handlers: new Map([[ONBOARDING_WORKFLOW, onboardingTimerHandler(deps)]]),
    });
  const statusOf = async (id: string) =>
    (await store.query<{ status: string }>("SELECT status FROM supplier_onboardings WHERE id = $1", [id]))[0]?.status;
  const transitionsOf = async (id: string) =>
    (
      await store.query<{ to_status: string }>(
        "SELECT to_status FROM supplier_onboarding_transitions WHERE onboarding_id = $1 ORDER BY id",
        [id],
      )
    ).map((r) => r.to_status);

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
    deps = {
      store,
      cipher: createFieldCipher({ activeKeyId: "k1", keys: [{ id: "k1", key: Buffer.alloc(32, 3) }] }),
      clock,
      options: compileOnboardingOptions({}, "erp"),
      // Procurement hears of supplier changes (as a target configured with events: ["supplier.changed"]).
      subscribers: (type) => (type === "supplier.changed" ? [{ target: "procurement", required: false }] : []),
      onOutboxWrite: () => {},
      onTimerDue: () => {},
    };
    await store.query(`INSERT INTO canonical_records (entity_type, id, body) VALUES ('supplier', 'sup-paid', $1)`, [
      JSON.stringify({
        kind: "supplier",
        id: "sup-paid",
        name: "Already Paid Supplies",
        status: "active",
        paymentTermsNetDays: 30,
        remitTo: { line1: "1 Paid Rd", city: "Peoria", region: "IL", postalCode: "61602", country: "US" },
      }),
    ]);
    await store.query(
      "INSERT INTO xrefs (system, entity_type, local_id, canonical_id) VALUES ('erp', 'supplier', 'V-7', 'sup-paid')",
    );
  });
  afterAll(async () => dispose?.());

  it("runs the checks exactly once however many workers race for the timer, and asks the ERP once", async () => {
    const { id } = await startOnboarding(deps, request(1), { requestedBy: "procurement-app", correlationId: "c-1" });
    expect(await statusOf(id)).toBe("requested");
    await Promise.all([fire("w1"), fire("w2"), fire("w3")]);
    expect(await statusOf(id)).toBe("vendor_requested");
    expect(await transitionsOf(id)).toEqual(["requested", "vendor_requested"]);
    const events = await store.query<{ payload: Record<string, unknown> }>(
      "SELECT payload FROM events WHERE business_key = $1",
      [`supplier-vendor:${id}`],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ onboardingId: id, taxIdLast4: "4301", bankAccountLast4: "1234" });
    const deliveries = await store.query("SELECT target FROM deliveries WHERE business_key = $1", [
      `supplier-vendor:${id}`,
    ]);
    expect(deliveries).toEqual([{ target: "erp" }]);
  });

  it("makes a supplier payable once, whatever number of times the ERP sends its number", async () => {
    const { id, supplierId } = await startOnboarding(deps, request(2), {
      requestedBy: "procurement-app",
      correlationId: "c-2",
    });
    await fire();
    clock.advance(90_000);
    const first = await recordVendorNumber(deps, id, "V-100", "erp");
    expect(first).toMatchObject({ status: "payable", repeated: false });
    expect(await recordVendorNumber(deps, id, "V-100", "erp")).toMatchObject({ repeated: true });
    await expect(recordVendorNumber(deps, id, "V-200", "erp")).rejects.toMatchObject({
      code: "CONCORD_ERR_ONBOARDING_STATE",
    });
    expect(await transitionsOf(id)).toEqual(["requested", "vendor_requested", "payable"]);
    const [row] = await store.query<{ completion_ms: number }>(
      "SELECT completion_ms FROM supplier_onboardings WHERE id = $1",
      [id],
    );
    expect(Number(row!.completion_ms)).toBe(90_000);
    const [xref] = await store.query<{ local_id: string }>(
      "SELECT local_id FROM xrefs WHERE system = 'erp' AND entity_type = 'supplier' AND canonical_id = $1",
      [supplierId],
    );
    expect(xref!.local_id).toBe("V-100");
    // Announced once, to the subscribed target, as active, with tax id and bank account masked.
    const announced = await store.query<{ payload: { supplier: Record<string, any>; masked: string[] } }>(
      "SELECT payload FROM events WHERE event_type = 'supplier.changed' AND business_key = $1",
      [`supplier:${supplierId}`],
    );
    expect(announced).toHaveLength(1);
    expect(announced[0]!.payload.supplier).toMatchObject({ id: supplierId, status: "active" });
    expect(announced[0]!.payload.supplier.taxId).toMatch(/^\*+\d{4}$/);
    expect(announced[0]!.payload.masked).toEqual(["taxId", "bankAccount"]);
    expect(
      await store.query(
        "SELECT target FROM deliveries d JOIN events e ON e.id = d.event_id WHERE e.business_key = $1",
        [`supplier:${supplierId}`],
      ),
    ).toEqual([{ target: "procurement" }]);
    // The vendor-number timeout was cancelled: moving past it raises nothing.
    clock.advance(deps.options.vendorNumberTimeoutMs);
    await fire();
    expect(await statusOf(id)).toBe("payable");
  });

  describe("dual approval of a bank change", () => {
    let id: string;
    beforeAll(async () => {
      ({ id } = await startOnboarding(deps, request(3, { supplierId: "sup-paid", name: "Already Paid Supplies" }), {
        requestedBy: "procurement-app",
        correlationId: "c-3",
      }));
      await fire();
    });

    it("waits for approvals instead of asking the ERP", async () => {
      expect(await statusOf(id)).toBe("awaiting_approval");
      expect(await store.query("SELECT 1 FROM events WHERE business_key = $1", [`supplier-vendor:${id}`])).toEqual([]);
    });

    it("refuses the requester, an unknown client and the same approver twice", async () => {
      await expect(
        decideApproval(deps, { onboardingId: id, approver: "procurement-app", decision: "approve" }),
      ).rejects.toMatchObject({
        code: "CONCORD_ERR_ONBOARDING_APPROVER",
      });
      await expect(
        decideApproval(deps, { onboardingId: id, approver: undefined, decision: "approve" }),
      ).rejects.toMatchObject({
        code: "CONCORD_ERR_ONBOARDING_APPROVER",
      });
      const one = await decideApproval(deps, { onboardingId: id, approver: "alice", decision: "approve" });
      expect(one).toMatchObject({ status: "awaiting_approval", approvalsNeeded: 2 });
      await expect(
        decideApproval(deps, { onboardingId: id, approver: "alice", decision: "approve" }),
      ).rejects.toMatchObject({
        code: "CONCORD_ERR_ONBOARDING_APPROVER",
      });
      expect(await statusOf(id)).toBe("awaiting_approval");
    });

    it("asks the ERP to update the existing vendor once a second, different approver agrees", async () => {
      const two = await decideApproval(deps, { onboardingId: id, approver: "bob", decision: "approve" });
      expect(two.status).toBe("vendor_requested");
      const [event] = await store.query<{ payload: Record<string, unknown> }>(
        "SELECT payload FROM events WHERE business_key = $1",
        [`supplier-vendor:${id}`],
      );
      expect(event!.payload).toMatchObject({ existingVendorNumber: "V-7", supplierId: "sup-paid" });
      const open = await store.query(
        "SELECT 1 FROM exceptions WHERE subject_id = $1 AND rule = 'onboarding.bank-change-approval' AND status = 'open'",
        [id],
      );
      expect(open).toEqual([]);
    });
  });

  it("re-screens in batches of its own transactions, and schedules the next round and audits once after the last", async () => {
    for (let n = 1; n <= 4; n++) {
      await store.query("INSERT INTO canonical_records (entity_type, id, body) VALUES ('supplier', $1, $2)", [
        `sup-rs-${n}`,
        JSON.stringify({ kind: "supplier", id: `sup-rs-${n}`, name: `Rescreened Supply ${n}`, status: "active" }),
      ]);
    }
    const [{ n: active }] = (await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM canonical_records WHERE entity_type = 'supplier' AND body->>'status' = 'active'",
    )) as [{ n: number }];
    const batched = { ...deps, options: compileOnboardingOptions({ rescreenBatchSize: 2 }, "erp") };
    const dueAt = clock.now();
    await scheduleTimer(store, { workflow: ONBOARDING_WORKFLOW, key: timerKeys.rescreen, fireAt: dueAt });
    const run = () =>
      runDueTimers({
        store,
        workerId: "w-rescreen",
        leaseMs: 60_000,
        clock,
        handlers: new Map([[ONBOARDING_WORKFLOW, onboardingTimerHandler(batched)]]),
      });
    while ((await run()) > 0);
    // One batch per two suppliers, and one more that finds none left when the last batch was full.
    const fired = await store.query<{ payload: { round?: { screened: number } } }>(
      "SELECT payload FROM workflow_timers WHERE timer_key = 'rescreen' AND status = 'fired' ORDER BY id",
    );
    expect(fired).toHaveLength(Math.floor(active / 2) + 1);
    expect(fired.slice(1).map((t) => t.payload.round?.screened)).toEqual(
      Array.from({ length: fired.length - 1 }, (_, i) => 2 * (i + 1)),
    );
    const next = await store.query<{ fire_at: Date }>(
      "SELECT fire_at FROM workflow_timers WHERE timer_key = 'rescreen' AND status = 'scheduled'",
    );
    expect(next.map((t) => new Date(t.fire_at).getTime())).toEqual([
      dueAt.getTime() + batched.options.rescreenIntervalMs,
    ]);
    const audited = await store.query<{ detail: { suppliers: number } }>(
      "SELECT detail FROM audit_log WHERE action = 'supplier.rescreened'",
    );
    expect(audited.map((a) => a.detail.suppliers)).toEqual([active]);
  });

  it("screens a name against the loaded lists: exact after normalising, similar above the threshold, not a mere shared word", async () => {
    const file = fileURLToPath(new URL("./screening/fixtures/leie-updated.csv", import.meta.url));
    expect(
      await loadExclusionList(store, "leie", parseExclusionList("leie", createReadStream(file), "2026-05-04"), {
        name: "UPDATED.csv",
        sha256: "x",
      }),
    ).toBe(2);
    expect((await screenParty(store, { name: "Shady Medical Supply" })).map((h) => [h.entryName, h.match])).toEqual([
      ["SHADY MEDICAL SUPPLY, INC", "exact"],
    ]);
    expect((await screenParty(store, { name: "Shady Medical Supplies Co" })).map((h) => h.match)).toEqual(["similar"]);
    expect(await screenParty(store, { name: "Sunny Medical Supply" })).toEqual([]);
    expect(await screenParty(store, { name: "Reinstated Surgical" })).toEqual([]);
  });
});
