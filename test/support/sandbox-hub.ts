import { afterAll, beforeAll } from "vitest";
import { type Sandbox, type StartSandboxOptions, startSandbox } from "../../sandbox/index.js";
import { sandboxClients } from "../../src/cli/sandbox-clients.js";
import { sandboxTargets } from "../../src/cli/start-command.js";
import {
  compileHubConfig,
  type Hub,
  type HubConfigInput,
  type StartHubOptions,
  startHub,
} from "../../src/server/index.js";
import type { StoreKind } from "./stores.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";
import { testAuth } from "./test-hub.js";

export interface SandboxHub {
  readonly sandbox: Sandbox;
  readonly hub: Hub;
  /** The sandbox systems' API clients and their keys (the CLM's webhooks use `keys.clm`). */
  readonly access: ReturnType<typeof sandboxClients>;
}

/**
 * A hub wired to the sandbox systems (procurement, ERP, analytics as targets; the CLM's webhooks
 * with its own client) on a store of `kind`, started before the suite's tests and closed after:
 * the set-up the end-to-end tests against the reference systems share. `config` adds to or
 * overrides the hub configuration; it sees the sandbox for its URLs.
 */
export function useSandboxHub(
  kind: StoreKind,
  opts: {
    readonly sandbox: StartSandboxOptions;
    readonly config?: (sandbox: Sandbox) => Partial<HubConfigInput>;
    /** How the hub starts (a clock, no dispatch…); the seed is the sandbox's. */
    readonly start?: Omit<StartHubOptions, "seed">;
  },
): SandboxHub {
  const access = sandboxClients();
  let sandbox: Sandbox | undefined;
  let hub: Hub | undefined;
  let storeUrl: string | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(opts.sandbox);
    storeUrl = kind.url();
    hub = await startHub(
      compileHubConfig({
        storeUrl,
        port: 0,
        targets: sandboxTargets(sandbox.urls),
        retry: { initialDelayMs: 50, maxDelayMs: 500 },
        dispatcher: { pollIntervalMs: 50 },
        auth: testAuth(access.clients),
        encryption: TEST_ENCRYPTION,
        ...opts.config?.(sandbox),
      }),
      { ...opts.start, seed: sandbox.dataset.canonical },
    );
    sandbox.setHubUrl(hub.url, access.keys.clm);
  }, 600_000);
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
    if (storeUrl) await kind.cleanup(storeUrl);
  });
  return {
    access,
    get sandbox() {
      if (!sandbox) throw new Error("the sandbox starts in beforeAll");
      return sandbox;
    },
    get hub() {
      if (!hub) throw new Error("the hub starts in beforeAll");
      return hub;
    },
  };
}
