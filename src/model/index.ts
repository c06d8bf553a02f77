export * from "./schemas/common.js";
export * from "./schemas/contract.js";
export * from "./schemas/item.js";
export * from "./schemas/master-data.js";
export * from "./schemas/organization.js";
export * from "./schemas/supplier.js";
export * from "./schemas/uom.js";
export * from "./schemas/xref.js";
