/**
 * The test operator's API key: every scope, may act for every system. Its own module (no vitest
 * import) so the processes the scale-out tests spawn can register it too.
 */
export const TEST_API_KEY = "ck_test-operator.0123456789abcdef0123456789abcdef";

/** The hub configuration's auth section registering the test operator (plus any other clients). */
export function testAuth(clients: readonly object[] = []) {
  return {
    clients: [
      // Throttling has its own test; elsewhere a fast test must never meet the limit.
      { id: "test-operator", scopes: ["*"], systems: ["*"], apiKeys: [TEST_API_KEY], perMinute: 10_000_000 },
      ...(clients as { id: string; scopes: string[] }[]),
    ],
  };
}

/** Headers for a call to a test hub as its operator client, plus any extra ones. */
export function hubHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { "x-api-key": TEST_API_KEY, ...extra };
}
