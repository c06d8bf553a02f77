export * from "./read-xml.js";
export * from "./write-xml.js";
export * from "./xml-limits.js";
export * from "./xml-node.js";
export * from "./xml-position.js";
export type { XmlDoctype } from "./xml-scan.js";
