import { randomUUID } from "node:crypto";
import { ConcordError, Errors } from "../../errors/index.js";
import type { DeliveryOutcome } from "../../events/index.js";
import type { XmlLimits } from "../xml/index.js";
import type { CxmlStatus } from "./cxml-types.js";
import { decodeCxml } from "./decode-cxml.js";
import { encodeCxml } from "./encode-cxml.js";

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Accepted",
  204: "No Content",
  280: "Accepted, updates to follow",
  281: "Accepted, forwarded",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  406: "Not Acceptable",
  409: "Conflict",
  412: "Precondition Failed",
  417: "Expectation Failed",
  450: "Not Implemented",
  500: "Internal Server Error",
  550: "Unable to reach next hop",
  551: "Unable to forward request",
  560: "Temporary server error",
};

export interface StatusResponseInput {
  readonly code: number;
  readonly text?: string;
  readonly message?: string;
  /** Default: a fresh `<time>.<uuid>@concord`. */
  readonly payloadId?: string;
  readonly timestamp?: string;
  readonly lang?: string;
  /** For a PunchOutSetupResponse. */
  readonly startPageUrl?: string;
}

/**
 * `<cXML><Response><Status code text>message</Status></Response></cXML>`: 2xx accepted,
 * 4xx final (the partner must not resend as is), 5xx retryable.
 * @example buildStatusResponse({ code: 200 }) // …<Status code="200" text="OK"/>…
 */
export function buildStatusResponse(input: StatusResponseInput): string {
  if (!Number.isInteger(input.code) || input.code < 100 || input.code > 999) {
    throw Errors.CxmlDocument(`status code ${input.code} is not a 3-digit number`);
  }
  const status: CxmlStatus = {
    code: input.code,
    text: input.text ?? STATUS_TEXT[input.code] ?? "",
    ...(input.message === undefined ? {} : { message: input.message }),
  };
  return encodeCxml({
    envelope: {
      payloadId: input.payloadId ?? `${Date.now()}.${randomUUID()}@concord`,
      timestamp: input.timestamp ?? new Date().toISOString(),
      ...(input.lang === undefined ? {} : { lang: input.lang }),
      from: [],
      to: [],
    },
    body: {
      type: "Response",
      status,
      ...(input.startPageUrl === undefined ? {} : { startPageUrl: input.startPageUrl }),
    },
  });
}

/**
 * The cXML status to answer a partner with when handling its document failed: 401 for
 * credentials, 406 for XML Concord could not or would not read, 400 for a document it could
 * not map, 500 (retry) for Concord's own transient trouble. Unknown errors never leak their text.
 */
export function cxmlStatusForError(e: unknown): CxmlStatus {
  if (!(e instanceof ConcordError)) return { code: 500, text: STATUS_TEXT[500]!, message: "Internal error" };
  const code =
    e.code === Errors.CxmlCredentials.code
      ? 401
      : e.code === Errors.XmlMalformed.code || e.code === Errors.XmlUnsafe.code || e.code === Errors.XmlTooLarge.code
        ? 406
        : e.retryable
          ? 500
          : e.status === 409
            ? 409
            : 400;
  return { code, text: STATUS_TEXT[code]!, message: e.message };
}

export interface ClassifyOptions {
  /** Treat 409 (duplicate payloadID) as "already applied": true for partners that answer a resend so. */
  readonly duplicateIsAcknowledged?: boolean;
}

/** 2xx → acknowledged; 4xx → CONCORD_ERR_CONNECTOR_REJECTED; 5xx → CONCORD_ERR_CONNECTOR_TRANSIENT. */
export function classifyCxmlStatus(
  status: CxmlStatus,
  system: string,
  ref?: string,
  options: ClassifyOptions = {},
): DeliveryOutcome {
  const extras = {
    system,
    cxmlStatus: status.code,
    cxmlText: status.text,
    ...(status.message ? { response: status.message.slice(0, 300) } : {}),
  };
  const said = `${system} answered cXML ${status.code} ${status.text}${status.message ? `: ${status.message.slice(0, 300)}` : ""}`;
  if (status.code >= 200 && status.code < 300) return { kind: "acknowledged", ...(ref === undefined ? {} : { ref }) };
  if (status.code === 409 && options.duplicateIsAcknowledged)
    return { kind: "acknowledged", ...(ref === undefined ? {} : { ref }) };
  if (status.code >= 500 && status.code < 600) throw Errors.ConnectorTransient(said, extras);
  throw Errors.ConnectorRejected(said, extras);
}

/** Reads a partner's answer body (a cXML Response) and classifies its Status. */
export function classifyCxmlResponse(
  body: string | Uint8Array,
  system: string,
  options: ClassifyOptions & { readonly limits?: XmlLimits } = {},
): DeliveryOutcome {
  let decoded: ReturnType<typeof decodeCxml>;
  try {
    decoded = decodeCxml(body, options.limits ? { limits: options.limits } : {});
  } catch (e) {
    const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
    throw Errors.ConnectorRejected(
      `${system} answered with something that is not a cXML Response: ${(e as Error).message}`,
      { system, response: text.slice(0, 300) },
      e,
    );
  }
  if (decoded.body.type !== "Response") {
    throw Errors.ConnectorRejected(`${system} answered a cXML ${decoded.body.type}, not a Response`, { system });
  }
  return classifyCxmlStatus(decoded.body.status, system, decoded.envelope.payloadId, options);
}
