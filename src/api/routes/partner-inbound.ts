import type { FastifyError, FastifyInstance } from "fastify";
import { buildStatusResponse, cxmlStatusForError } from "../../connectors/cxml/index.js";
import { Errors } from "../../errors/index.js";
import { receiveCxml, receiveX12 } from "../../workflows/partner-documents/index.js";
import type { ApiDeps } from "../api-deps.js";
import { translate } from "../problem.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const X12_TYPES = ["application/edi-x12", "application/edi-consent", "text/plain"];
const XML_TYPES = ["text/xml", "application/xml"];

/**
 * Trading partners' documents in their own formats: EDI X12 interchanges and cXML requests. The
 * message is kept raw with its decoded documents before it is answered.
 */
export async function partnerInboundRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  // Raw text bodies, only in this scope: the rest of the API takes JSON alone.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser([...X12_TYPES, ...XML_TYPES], { parseAs: "string" }, (_req, body, done) => done(null, body));

  /**
   * 202 with what was kept, the sets refused, and the 997/999 to return to the partner; with
   * `Accept: application/edi-x12` the answer is the acknowledgment itself.
   */
  app.post("/v1/inbound/x12", { config: { scope: "partners:write" } }, async (request, reply) => {
    refuseWhenOverloaded(deps);
    const raw = requireText(request.body);
    const received = await receiveX12(
      deps.partners.x12,
      raw,
      correlation(request.headers["x-correlation-id"]).correlationId ?? `x12-${Date.now().toString(36)}`,
    );
    if ((request.headers.accept ?? "").includes("application/edi-x12") && received.ack) {
      return reply.code(202).type("application/edi-x12").send(received.ack);
    }
    return reply.code(202).send({
      ...received.outcome,
      rejectedSets: received.rejectedSets,
      unmappedSets: received.unmappedSets,
      functionalAck: received.ack,
    });
  });

  // cXML partners expect a cXML Response whatever happens, with the HTTP status matching it.
  await app.register(async (cxml) => {
    cxml.setErrorHandler((error: FastifyError, request, reply) => {
      const e = translate(error);
      const status = cxmlStatusForError(e);
      if (status.code >= 500) request.log.error({ err: error }, "cXML request failed");
      void reply.code(status.code).type("text/xml; charset=utf-8").send(buildStatusResponse(status));
    });
    // Public at the HTTP layer: cXML carries its own sender credentials (SharedSecret), checked per message.
    cxml.post("/v1/inbound/cxml", { config: { public: true } }, async (request, reply) => {
      refuseWhenOverloaded(deps);
      const raw = requireText(request.body);
      const outcome = await receiveCxml(
        deps.partners.cxml,
        raw,
        correlation(request.headers["x-correlation-id"]).correlationId ?? `cxml-${Date.now().toString(36)}`,
      );
      const unresolved = outcome.documents.reduce((n, d) => n + d.unresolved.length, 0);
      return reply
        .code(200)
        .type("text/xml; charset=utf-8")
        .send(
          buildStatusResponse({
            code: 200,
            text: "OK",
            message: `${outcome.duplicate ? "already received" : "accepted"}${unresolved ? `; ${unresolved} item(s) could not be matched and were routed for review` : ""}`,
          }),
        );
    });
  });
}

function requireText(body: unknown): string {
  if (typeof body === "string" && body.trim().length > 0) return body;
  throw Errors.InputMalformed("the body is empty: send the document itself as the request body");
}
