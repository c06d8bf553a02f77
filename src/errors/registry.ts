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
} as const;

export type ErrorName = keyof typeof Errors;
