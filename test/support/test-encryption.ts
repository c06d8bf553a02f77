/**
 * The fixed encryption key of test hubs (supplier tax ids and bank accounts). A PostgreSQL hub
 * refuses to start without one, and a hub restarted on the same store must read what it sealed,
 * so every hub a test starts gets this same key. No vitest import: spawned hub processes use it too.
 */
export const TEST_ENCRYPTION = {
  activeKeyId: "test-k1",
  keys: [{ id: "test-k1", key: `base64:${Buffer.alloc(32, 7).toString("base64")}` }],
};
