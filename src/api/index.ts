export * from "./api-deps.js";
export type { Principal } from "./auth/principal.js";
export { hasScope, mayActFor } from "./auth/principal.js";
export { ALL_SCOPES, SCOPES, type Scope } from "./auth/scopes.js";
export { THROTTLE_WINDOW_MS, ThrottleCounters } from "./auth/throttle-counters.js";
export { TokenService } from "./auth/token-service.js";
export * from "./build-app.js";
export * from "./problem.js";
