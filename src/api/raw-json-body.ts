import type { FastifyInstance } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    /** The body exactly as received, kept for the inbound log. */
    rawBody?: string;
  }
}

/**
 * Parses JSON with fastify's own (prototype-poisoning-safe) parser while keeping the raw text:
 * inbound messages are stored as received, before anything interprets them.
 */
export function installRawJsonParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit }, (request, body, done) => {
    request.rawBody = body as string;
    parse(request, body as string, done);
  });
}
