/**
 * Business time for workflows: when timers are due, when a certificate expires, how long an
 * onboarding took. Injected so tests can move time forward instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move: `advance(30 * DAY_MS)` is a month later. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: Date | string) {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(to: Date | string): void {
    this.ms = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Real time, moved forward by `advance`: end-to-end tests keep real durations and skip a month. */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
