export * from "./credentials.js";
export * from "./cxml-http-connector.js";
export * from "./cxml-types.js";
export * from "./decode-cxml.js";
export { CXML_DTD_VERSION, dtdFor } from "./doctype.js";
export * from "./encode-cxml.js";
export { redactCxmlEnvelope } from "./envelope.js";
export * from "./punch-out-requisition.js";
export * from "./status-response.js";
