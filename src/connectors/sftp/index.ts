export * from "./pulled-file-ledger.js";
export * from "./sftp-config.js";
export { hostKeyFingerprint } from "./sftp-session.js";
export * from "./sftp-transport.js";
