import type { Store } from "../../store/index.js";
import type { Clock } from "../timers/index.js";
import type { PriceActivationOptions } from "./activation-options.js";

/** What the price activation workflow needs; built once in src/server. */
export interface PriceActivationDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly options: PriceActivationOptions;
}
