import type { Store } from "../../src/store/index.js";

/**
 * The store with `hook` run before each transaction begins: a test holds a transaction at a gate
 * (to act while it is pending) or fails it (a lost connection), and the code under test sees a store.
 */
export function beforeTransaction(store: Store, hook: () => Promise<void> | void): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver);
      return async (fn: Parameters<Store["transaction"]>[0]) => {
        await hook();
        return target.transaction(fn);
      };
    },
  });
}
