import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConcordError, Errors } from "../errors/index.js";

/** The problem+json body (RFC 9457) every error is answered with. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance: string;
  readonly [extension: string]: unknown;
}

const TYPE_BASE = "https://concord.dev/errors/";

export function toProblem(e: ConcordError, instance: string): Problem {
  return {
    ...e.extras,
    type: TYPE_BASE + e.code,
    title: e.title,
    status: e.status,
    detail: e.message,
    code: e.code,
    instance,
  };
}

/**
 * The one place errors become HTTP answers. Framework errors are translated to registry codes;
 * anything unexpected is logged and answered as CONCORD_ERR_INTERNAL without its text, which may
 * hold internals a client must not see.
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const e = translate(error);
    if (e.status >= 500 && !e.retryable) request.log.error({ err: error }, "request failed");
    // A retryable refusal tells the client when to come back (RFC 9110 Retry-After, in seconds).
    if (typeof e.extras.retryAfterSeconds === "number")
      void reply.header("retry-after", String(e.extras.retryAfterSeconds));
    // RFC 6750 §3: a 401 names the scheme, and why the token failed when one was sent.
    if (e.status === 401) {
      void reply.header(
        "www-authenticate",
        e.code === "CONCORD_ERR_AUTH_INVALID"
          ? 'Bearer realm="concord", error="invalid_token"'
          : 'Bearer realm="concord"',
      );
    }
    void reply.code(e.status).type("application/problem+json").send(toProblem(e, request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    const e = Errors.RouteNotFound(`${request.method} ${request.url.split("?")[0]} is not a Concord route`);
    void reply.code(404).type("application/problem+json").send(toProblem(e, request.url));
  });
}

export function translate(error: FastifyError): ConcordError {
  if (error instanceof ConcordError) return error;
  if (error.validation) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath || `/${String((v.params as { missingProperty?: string }).missingProperty ?? "")}`,
      message: v.message ?? "is invalid",
    }));
    const where = error.validationContext ?? "request";
    const factory = where === "querystring" || where === "params" ? Errors.InputQuery : Errors.InputSchema;
    return factory(`${where} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, {
      issues,
    });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return Errors.InputTooLarge(error.message);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return Errors.InputMediaType(error.message);
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return Errors.InputMalformed(error.message);
  }
  if (isStoreDown(error)) return Errors.StoreUnavailable("the store is not reachable; retry shortly", {}, error);
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return Errors.InputMalformed(`the body is not valid JSON: ${error.message}`);
  }
  return Errors.Internal("an unexpected error occurred; it has been logged", {}, error);
}

/**
 * PostgreSQL connection failures (SQLSTATE class 08, admin shutdown 57P0x) and refused sockets
 * mean "try again later", not a bug: 503 tells a well-behaved client to retry.
 */
function isStoreDown(error: { code?: unknown; message?: string }): boolean {
  const code = typeof error.code === "string" ? error.code : "";
  return (
    /^08/.test(code) ||
    /^57P0[123]$/.test(code) ||
    code === "ECONNREFUSED" ||
    code === "ECONNRESET" ||
    /PGlite is closed/i.test(error.message ?? "")
  );
}
