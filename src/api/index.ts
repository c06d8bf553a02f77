export * from "./api-deps.js";
export * from "./build-app.js";
export * from "./problem.js";
