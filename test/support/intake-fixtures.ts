import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { Contract } from "../../src/model/index.js";
import { DEFAULT_OWNERSHIP } from "../../src/policy/index.js";
import { importMasterData, type Store } from "../../src/store/index.js";
import { type ContractIntakeConfig, canonicalContractItem } from "../../src/workflows/contract-propagation/index.js";
import { smallHealthSystem } from "./small-health-system.js";
import { openTestStore, type StoreKind } from "./stores.js";

/** The contract intake as the intake tests drive it: a required catalog and an optional sink. */
export const INTAKE_CONFIG: ContractIntakeConfig = {
  targets: [
    { system: "procurement", required: true, usesLocalIds: true },
    { system: "analytics", required: false, usesLocalIds: false },
  ],
  ownership: DEFAULT_OWNERSHIP,
};

/** A canonical contract as `system` sends it, under a message id (fresh unless given). */
export const intakeItem = (c: Contract, system = "clm", messageId: string = randomUUID()) =>
  canonicalContractItem(
    {
      system,
      messageType: "t",
      messageId,
      contentType: "application/json",
      rawBody: JSON.stringify(c),
      correlationId: randomUUID(),
    },
    c,
  );

/** A fresh store of `kind` holding the small health system, for one describe block (set in beforeAll). */
export function useIntakeStore(kind: StoreKind): { store: Store } {
  const env = {} as { store: Store };
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ store: env.store, dispose } = await openTestStore(kind));
    await importMasterData(env.store, smallHealthSystem());
  });
  afterAll(async () => dispose?.());
  return env;
}
