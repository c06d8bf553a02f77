import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import type { CxmlStatus, CxmlStatusUpdate } from "./cxml-types.js";

/** `<Status code text>message</Status>`; the code must be a 3-digit number. */
export function decodeStatus(st: CxmlCursor): CxmlStatus {
  const raw = st.requireAttr("code");
  if (!/^\d{3}$/.test(raw)) throw st.fail(`status code ${JSON.stringify(raw)} is not a 3-digit number`);
  const message = st.text();
  return { code: Number(raw), text: st.attr("text") ?? "", ...(message === undefined ? {} : { message }) };
}

export function encodeStatus(s: CxmlStatus, lang: string): XmlElement {
  return xmlElement(
    "Status",
    { code: String(s.code), text: s.text, "xml:lang": s.message === undefined ? undefined : lang },
    s.message,
  );
}

/** `<StatusUpdateRequest>`: which earlier document (by payloadID) and its status at the partner. */
export function decodeStatusUpdateRequest(req: CxmlCursor): CxmlStatusUpdate {
  return {
    documentPayloadId: req.requireChild("DocumentReference").requireAttr("payloadID"),
    status: decodeStatus(req.requireChild("Status")),
  };
}

export function encodeStatusUpdateRequest(u: CxmlStatusUpdate, lang: string): XmlElement {
  return xmlElement(
    "StatusUpdateRequest",
    {},
    xmlElement("DocumentReference", { payloadID: u.documentPayloadId }),
    encodeStatus(u.status, lang),
  );
}
