export * from "./exclusion-entry.js";
export * from "./load-exclusion-list.js";
export * from "./load-exclusion-list-file.js";
export * from "./parse-exclusion-list.js";
export * from "./screen-party.js";
