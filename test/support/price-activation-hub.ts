import type { MasterDataSnapshot } from "../../src/model/index.js";
import { compileHubConfig, type Hub, startHub } from "../../src/server/index.js";
import type { ManualClock } from "../../src/workflows/timers/index.js";
import type { RecordingTarget } from "./recording-target.js";
import { smallHealthSystem } from "./small-health-system.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";
import { getJson, hubHeaders, testAuth, waitFor } from "./test-hub.js";

/** The small health system with facility 1 in New York and facility 2 in Los Angeles. */
export function bicoastalHealthSystem(): MasterDataSnapshot {
  const seed = smallHealthSystem();
  const zones = ["America/New_York", "America/Los_Angeles"];
  return { ...seed, facilities: seed.facilities.map((f, i) => ({ ...f, timeZone: zones[i] ?? f.timeZone })) };
}

/** A hub on business time `clock`, delivering to a procurement catalog and an ERP (both required). */
export function startActivationHub(
  storeUrl: string,
  clock: ManualClock,
  targets: { procurement: Pick<RecordingTarget, "url">; erp: Pick<RecordingTarget, "url"> },
): Promise<Hub> {
  return startHub(
    compileHubConfig({
      storeUrl,
      port: 0,
      targets: [
        { system: "procurement", kind: "procurement-catalog", baseUrl: targets.procurement.url },
        { system: "erp", kind: "erp-purchasing", baseUrl: targets.erp.url },
      ],
      retry: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 2 },
      dispatcher: {
        pollIntervalMs: 25,
        deliveryTimeoutMs: 1_000,
        leaseMs: 2_000,
        circuit: { failureThreshold: 1_000 },
      },
      supplierOnboarding: { timerPollMs: 25 },
      priceActivation: { decisionLeadMs: 2 * 86_400_000, minAckWaitMs: 15 * 60_000 },
      auth: testAuth(),
      encryption: TEST_ENCRYPTION,
    }),
    { seed: bicoastalHealthSystem(), clock },
  );
}

export const activations = async (hub: Hub, contractId: string, version: number) =>
  (await getJson(`${hub.url}/v1/contracts/${contractId}/versions/${version}/activations`)).body;

export const facilityStatus = async (hub: Hub, contractId: string, version: number) =>
  Object.fromEntries(
    ((await activations(hub, contractId, version)).facilities as { facilityId: string; status: string }[]).map((f) => [
      f.facilityId,
      f.status,
    ]),
  );

export const priceVersion = async (hub: Hub, facility: string, on?: string) => {
  const res = await getJson(
    `${hub.url}/v1/pricing/effective-price?item=itm-1&facility=${facility}${on ? `&on=${on}` : ""}`,
  );
  return res.body.version as number;
};

export const waitForPlan = (hub: Hub, contractId: string, version: number, status: string) =>
  waitFor(async () => (await activations(hub, contractId, version)).status === status, 10_000, `plan ${status}`);

export async function decide(hub: Hub, contractId: string, version: number, body: Record<string, unknown>) {
  const res = await fetch(`${hub.url}/v1/contracts/${contractId}/versions/${version}/activation-decision`, {
    method: "POST",
    headers: { ...hubHeaders(), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
