/**
 * Remembers which remote files were handled, by name + size + modification time, so a file whose
 * archive step failed (crash, dropped connection) is archived at the next pull without being
 * handled twice. The in-memory one forgets on restart, which at-least-once delivery tolerates
 * when the handler is idempotent; a store-backed ledger closes that gap.
 */
export interface PulledFileLedger {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
}

/** A bounded in-memory ledger: the oldest keys go first once `max` is reached. */
export function createMemoryLedger(max = 100_000): PulledFileLedger {
  const keys = new Set<string>();
  return {
    async has(key) {
      return keys.has(key);
    },
    async add(key) {
      keys.add(key);
      if (keys.size > max) keys.delete(keys.values().next().value as string);
    },
  };
}

/** The identity of one upload of a remote file: the same name uploaded again later is a new file. */
export function pulledFileKey(name: string, size: number, modifiedMs: number): string {
  return `${name}|${size}|${modifiedMs}`;
}
