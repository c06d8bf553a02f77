import { createError } from "./concord-error.js";

/**
 * Every error code Concord can return, in one place. docs/errors.md documents each one and a test
 * fails when a code here is missing there.
 */
export const Errors = {
  InputMalformed: createError("CONCORD_ERR_INPUT_MALFORMED", 400, "The request body is not well-formed"),
  InputSchema: createError("CONCORD_ERR_INPUT_SCHEMA", 400, "The request does not match the schema"),
  InputTooLarge: createError("CONCORD_ERR_INPUT_TOO_LARGE", 413, "The request body is too large"),
  InputMediaType: createError("CONCORD_ERR_INPUT_MEDIA_TYPE", 415, "The content type is not supported"),
  InputQuery: createError("CONCORD_ERR_INPUT_QUERY", 400, "A query parameter is missing or invalid"),
  ReferenceUnknown: createError(
    "CONCORD_ERR_REF_UNKNOWN",
    422,
    "The message references records Concord cannot resolve",
  ),
  ContractRules: createError("CONCORD_ERR_CONTRACT_RULES", 422, "The contract breaks a business rule"),
  OwnershipViolation: createError(
    "CONCORD_ERR_POLICY_OWNERSHIP",
    403,
    "The system does not own the data it tried to change",
  ),
  NotFound: createError("CONCORD_ERR_NOT_FOUND", 404, "No such resource"),
  RouteNotFound: createError("CONCORD_ERR_ROUTE_NOT_FOUND", 404, "No such route"),
  ReleaseConflict: createError(
    "CONCORD_ERR_RELEASE_CONFLICT",
    409,
    "The contract version cannot be released in its state",
  ),
  StoreUnavailable: createError("CONCORD_ERR_STORE_UNAVAILABLE", 503, "The store is not reachable", true),
  Backpressure: createError("CONCORD_ERR_BACKPRESSURE", 503, "Too much undelivered work; send again later", true),
  Internal: createError("CONCORD_ERR_INTERNAL", 500, "Internal error", true),
  ConnectorTransient: createError("CONCORD_ERR_CONNECTOR_TRANSIENT", 502, "The target system failed temporarily", true),
  ConnectorTimeout: createError("CONCORD_ERR_CONNECTOR_TIMEOUT", 504, "The target system did not answer in time", true),
  ConnectorRejected: createError("CONCORD_ERR_CONNECTOR_REJECTED", 422, "The target system rejected the message"),
  ConnectorStale: createError("CONCORD_ERR_CONNECTOR_STALE", 409, "The target system already holds a newer version"),
  ConfigInvalid: createError("CONCORD_ERR_CONFIG_INVALID", 500, "The configuration is invalid"),
  RetryPolicyInvalid: createError("CONCORD_ERR_RETRY_POLICY_INVALID", 500, "The retry policy is invalid"),
  MappingInvalid: createError("CONCORD_ERR_MAPPING_INVALID", 500, "A mapping declaration is invalid"),
  CsvHeader: createError("CONCORD_ERR_CSV_HEADER", 400, "The CSV file's header row is missing or wrong"),
  CsvRow: createError("CONCORD_ERR_CSV_ROW", 422, "Rows of the CSV file were rejected"),
  TransportFile: createError("CONCORD_ERR_TRANSPORT_FILE", 500, "A file-drop folder operation failed", true),
  TransportFileExists: createError("CONCORD_ERR_TRANSPORT_FILE_EXISTS", 409, "A file of that name is already waiting"),
  TransportSftp: createError("CONCORD_ERR_TRANSPORT_SFTP", 502, "The SFTP server failed or is unreachable", true),
  TransportSftpAuth: createError(
    "CONCORD_ERR_TRANSPORT_SFTP_AUTH",
    502,
    "The SFTP server's host key or our credentials were refused",
  ),
  XmlMalformed: createError("CONCORD_ERR_XML_MALFORMED", 400, "The XML is not well-formed"),
  XmlUnsafe: createError(
    "CONCORD_ERR_XML_UNSAFE",
    400,
    "The XML uses a construct Concord refuses (DTD subset, entity)",
  ),
  XmlTooLarge: createError("CONCORD_ERR_XML_TOO_LARGE", 413, "The XML exceeds a size limit"),
  CxmlCredentials: createError(
    "CONCORD_ERR_CXML_CREDENTIALS",
    401,
    "The cXML sender's credentials are missing or wrong",
  ),
  CxmlDocument: createError("CONCORD_ERR_CXML_DOCUMENT", 422, "The cXML document cannot be mapped"),
  EdiEnvelope: createError("CONCORD_ERR_EDI_ENVELOPE", 400, "The X12 interchange envelope is malformed"),
  EdiSyntax: createError("CONCORD_ERR_EDI_SYNTAX", 400, "An X12 segment cannot be read"),
  EdiControl: createError("CONCORD_ERR_EDI_CONTROL", 400, "X12 control numbers or counts do not match"),
  EdiDuplicate: createError("CONCORD_ERR_EDI_DUPLICATE", 409, "The X12 interchange was already received"),
  EdiMapping: createError("CONCORD_ERR_EDI_MAPPING", 422, "The X12 transaction set does not map to its document"),
  EdiUnsupported: createError("CONCORD_ERR_EDI_UNSUPPORTED", 422, "Concord does not map this X12 transaction set"),
  FhirUnsupported: createError("CONCORD_ERR_FHIR_UNSUPPORTED", 400, "The FHIR API does not support this request"),
  PartnerUnknown: createError("CONCORD_ERR_PARTNER_UNKNOWN", 403, "The sender is not a configured trading partner"),
  AuditDetailInvalid: createError("CONCORD_ERR_AUDIT_DETAIL", 500, "An audit record's detail is not plain JSON"),
  AuditChainTip: createError("CONCORD_ERR_AUDIT_TIP", 500, "The audit chain tip is missing; the log was tampered with"),
  InvoiceMismatch: createError(
    "CONCORD_ERR_INVOICE_MISMATCH",
    422,
    "The invoice does not match its order, receipts or contract price",
  ),
} as const;

export type ErrorName = keyof typeof Errors;
