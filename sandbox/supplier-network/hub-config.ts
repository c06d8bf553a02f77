import type { HubConfigInput } from "../../src/server/index.js";
import type { SandboxDataset } from "../generator/types.js";
import { networkSupplierOf } from "./network-supplier.js";
import { SUPPLIER_NETWORK, SUPPLIER_NETWORK_ORDER_PATH } from "./server.js";

type Partner = NonNullable<HubConfigInput["partners"]>[number];
type Target = NonNullable<HubConfigInput["targets"]>[number];

/**
 * What the hub needs to order through the sandbox supplier network (its origin `networkUrl`): the
 * partner with its cXML credentials (Concord's toward it being the network's `buyer`), a
 * `cxml-order-request` target taking `purchase-order.issued`, and the requisition routing that
 * sends the chosen seeded supplier's POs to it (networkSupplierOf: the one the demo orders from).
 */
export function supplierNetworkHubConfig(
  networkUrl: string,
  dataset: SandboxDataset,
): { partner: Partner; target: Target; supplierPartners: Record<string, string> } {
  const chosen = networkSupplierOf(dataset);
  return {
    partner: {
      system: SUPPLIER_NETWORK.system,
      name: "Sandbox supplier network (cXML)",
      cxml: {
        credentials: [SUPPLIER_NETWORK.credential],
        sharedSecret: SUPPLIER_NETWORK.sharedSecret,
        concordCredential: SUPPLIER_NETWORK.buyer,
      },
    },
    target: {
      system: SUPPLIER_NETWORK.system,
      kind: "cxml-order-request",
      baseUrl: `${networkUrl}${SUPPLIER_NETWORK_ORDER_PATH}`,
      events: ["purchase-order.issued"],
    },
    supplierPartners: chosen ? { [chosen.supplierId]: SUPPLIER_NETWORK.system } : {},
  };
}
