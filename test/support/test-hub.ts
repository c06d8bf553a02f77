import { afterAll, beforeAll } from "vitest";
import type { Contract, MasterDataSnapshot } from "../../src/model/index.js";
import {
  type ConnectorKind,
  compileHubConfig,
  type Hub,
  type HubConfigInput,
  startHub,
} from "../../src/server/index.js";
import { RecordingTarget } from "./recording-target.js";
import { smallHealthSystem } from "./small-health-system.js";
import type { StoreKind } from "./stores.js";
import { hubHeaders, testAuth } from "./test-api-key.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";

export interface TestTarget {
  readonly system: string;
  readonly kind: ConnectorKind;
  readonly url: string;
  readonly required?: boolean;
  /** The event types it takes (default: contract versions). */
  readonly events?: readonly string[];
}

/** A real hub (API on port 0, dispatcher, its own fresh store) wired to the given targets. */
export async function startTestHub(
  kind: StoreKind,
  opts: {
    targets: readonly TestTarget[];
    retry?: HubConfigInput["retry"];
    dispatcher?: HubConfigInput["dispatcher"];
    intake?: HubConfigInput["intake"];
    seed?: MasterDataSnapshot;
    partners?: HubConfigInput["partners"];
    bus?: HubConfigInput["bus"];
    /** More API clients besides the test operator (TEST_API_KEY, every scope and system). */
    clients?: NonNullable<HubConfigInput["auth"]>["clients"];
    auth?: Omit<NonNullable<HubConfigInput["auth"]>, "clients">;
    dispatch?: boolean;
    random?: () => number;
    /** Field encryption keys (default TEST_ENCRYPTION: one fixed key). */
    encryption?: HubConfigInput["encryption"];
    dashboard?: HubConfigInput["dashboard"];
  },
): Promise<{ hub: Hub; dispose(): Promise<void> }> {
  const url = kind.url();
  const hub = await startHub(
    compileHubConfig({
      storeUrl: url,
      port: 0,
      targets: opts.targets.map((t) => ({
        system: t.system,
        kind: t.kind,
        ...(t.url ? { baseUrl: t.url } : {}),
        ...(t.required === undefined ? {} : { required: t.required }),
        ...(t.events ? { events: t.events } : {}),
      })),
      retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 5, ...opts.retry },
      // The circuit breaker has its own tests; elsewhere a run of failures should reach the retry policy at once.
      dispatcher: {
        pollIntervalMs: 25,
        deliveryTimeoutMs: 2_000,
        leaseMs: 5_000,
        circuit: { failureThreshold: 1_000 },
        ...opts.dispatcher,
      },
      ...(opts.intake ? { intake: opts.intake } : {}),
      ...(opts.partners ? { partners: opts.partners } : {}),
      ...(opts.bus ? { bus: opts.bus } : {}),
      auth: { ...opts.auth, ...testAuth(opts.clients) },
      encryption: opts.encryption ?? TEST_ENCRYPTION,
      ...(opts.dashboard ? { dashboard: opts.dashboard } : {}),
    }),
    {
      seed: opts.seed ?? smallHealthSystem(),
      ...(opts.dispatch === undefined ? {} : { dispatch: opts.dispatch }),
      ...(opts.random ? { random: opts.random } : {}),
    },
  );
  return {
    hub,
    async dispose() {
      await hub.close();
      await kind.cleanup(url);
    },
  };
}

/** POSTs a canonical contract version to the hub as `system` (the CLM by default). */
export async function postVersion(hubUrl: string, contract: Contract, system = "clm", key?: string) {
  const res = await fetch(`${hubUrl}/v1/contracts/${contract.id}/versions`, {
    method: "POST",
    headers: {
      ...hubHeaders(),
      "content-type": "application/json",
      "x-concord-system": system,
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: JSON.stringify(contract),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export { hubHeaders, TEST_API_KEY, testAuth } from "./test-api-key.js";

export async function getJson(url: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(url, { headers: hubHeaders() });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs` with the last value). */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 30_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Delivery statuses of one contract version, by target. */
export async function deliveryStatuses(hubUrl: string, contractId: string, version: number) {
  const { body } = await getJson(`${hubUrl}/v1/contracts/${contractId}/propagation`);
  const v = (body.versions as { version: number; targets: { target: string; status: string }[] }[] | undefined)?.find(
    (x) => x.version === version,
  );
  return Object.fromEntries((v?.targets ?? []).map((t) => [t.target, t.status]));
}

/**
 * The usual guarantee-test setup, once per describe block: a RecordingTarget and a hub on a fresh
 * store whose targets point at it (by default one procurement catalog). Fields are set in beforeAll.
 */
export function useRecordingHub(
  kind: StoreKind,
  opts: Omit<Parameters<typeof startTestHub>[1], "targets"> & { targets?: (url: string) => TestTarget[] } = {},
): { target: RecordingTarget; hub: Hub } {
  const env = {} as { target: RecordingTarget; hub: Hub };
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    env.target = await new RecordingTarget().start();
    const { targets, ...rest } = opts;
    const started = await startTestHub(kind, {
      ...rest,
      targets: targets?.(env.target.url) ?? [
        { system: "procurement", kind: "procurement-catalog", url: env.target.url },
      ],
    });
    env.hub = started.hub;
    dispose = started.dispose;
  });
  afterAll(async () => {
    await dispose?.();
    await env.target?.stop();
  });
  return env;
}
