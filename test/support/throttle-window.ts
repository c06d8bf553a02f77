/**
 * Throttle windows are aligned to the clock (one minute): a test that counts a burst against a
 * limit starts it where the window has at least `needMs` left, so the burst is counted in one
 * window (waiting, at worst, for the next window to begin).
 */
export async function clearOfWindowEdge(needMs = 10_000, windowMs = 60_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 5));
}
