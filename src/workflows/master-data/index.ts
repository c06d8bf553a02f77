export * from "./upsert-master-records.js";
