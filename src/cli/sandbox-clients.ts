import { randomBytes } from "node:crypto";
import type { AuthClientInput } from "../server/auth-config.js";

export interface SandboxKeys {
  /** Every scope, any system: the person taking the tour (printed as CONCORD_API_KEY). */
  readonly operator: string;
  /** What the sandbox CLM sends its agreement webhooks with. */
  readonly clm: string;
  /** Procurement sending supplier onboardings and requisitions. */
  readonly procurement: string;
  /** The ERP's vendor desk posting vendor numbers back. */
  readonly erp: string;
  /** A treasurer approving bank changes (the second approver beside the operator). */
  readonly treasurer: string;
}

/**
 * The sandbox's API clients, with fresh random keys each start: an operator for the tour, one
 * client per sandbox system, each allowed to act only for its own system, and a treasurer who
 * approves bank changes (so the sandbox shows the same governance a real deployment has).
 */
export function sandboxClients(): { readonly clients: AuthClientInput[]; readonly keys: SandboxKeys } {
  const key = (id: string) => `ck_${id}.${randomBytes(18).toString("base64url")}`;
  const keys = {
    operator: key("sandbox-operator"),
    clm: key("sandbox-clm"),
    procurement: key("sandbox-procurement"),
    erp: key("sandbox-erp"),
    treasurer: key("sandbox-treasurer"),
  };
  return {
    keys,
    clients: [
      { id: "sandbox-operator", name: "Sandbox operator", scopes: ["*"], systems: ["*"], apiKeys: [keys.operator] },
      {
        id: "sandbox-clm",
        name: "Sandbox CLM",
        scopes: ["contracts:write", "contracts:read"],
        systems: ["clm"],
        apiKeys: [keys.clm],
      },
      {
        id: "sandbox-procurement",
        name: "Sandbox procurement",
        scopes: ["suppliers:write", "suppliers:read", "orders:write", "orders:read"],
        systems: ["procurement"],
        apiKeys: [keys.procurement],
      },
      {
        id: "sandbox-erp",
        name: "Sandbox ERP",
        scopes: ["suppliers:write", "receipts:write", "payments:write"],
        systems: ["erp"],
        apiKeys: [keys.erp],
      },
      {
        id: "sandbox-treasurer",
        name: "Sandbox treasurer",
        scopes: ["onboarding:approve", "suppliers:read"],
        apiKeys: [keys.treasurer],
      },
    ],
  };
}
