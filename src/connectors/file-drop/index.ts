export * from "./drop-names.js";
export * from "./file-drop.js";
export * from "./file-drop-options.js";
export * from "./file-drop-types.js";
export { type FileData, writeAtomically } from "./write-atomically.js";
