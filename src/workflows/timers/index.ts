export * from "./clock.js";
export * from "./run-due-timers.js";
export * from "./schedule-timer.js";
export * from "./timer-runner.js";
