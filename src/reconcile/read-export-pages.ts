import { Errors } from "../errors/index.js";

/** How a system names its paging parameters (each system has its own style). */
export interface ExportPaging {
  readonly after: string;
  readonly limit: string;
}

export interface ExportLine {
  /** 1-based position of the record in the whole export, for error messages. */
  readonly position: number;
  readonly text: string;
}

/** Bytes read so far, shared with the progress bar. */
export interface ByteCounter {
  bytes: number;
}

/**
 * Every line of a paged NDJSON export, one page at a time: the page's body is read as a stream
 * and split into lines as it arrives, so memory holds one chunk, never a page or the export.
 * `X-Next-Cursor` on a page names the key to continue after; its absence ends the export.
 */
export async function* readExportPages(
  system: string,
  url: string,
  paging: ExportPaging,
  pageSize: number,
  counter: ByteCounter,
): AsyncGenerator<ExportLine> {
  let cursor: string | undefined;
  let position = 0;
  for (;;) {
    const pageUrl = new URL(url);
    pageUrl.searchParams.set(paging.limit, String(pageSize));
    if (cursor !== undefined) pageUrl.searchParams.set(paging.after, cursor);
    let res: Response;
    try {
      res = await fetch(pageUrl, { headers: { accept: "application/x-ndjson" } });
    } catch (e) {
      const cause = (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message;
      throw Errors.ReconcileExport(`${system}: cannot read ${pageUrl.pathname} (${cause})`, {
        system,
        url: String(pageUrl),
      });
    }
    if (!res.ok || !res.body) {
      const body = (await res.text()).slice(0, 300);
      throw Errors.ReconcileExport(`${system}: ${pageUrl.pathname} answered HTTP ${res.status}: ${body}`, {
        system,
        url: String(pageUrl),
        status: res.status,
      });
    }
    const next = res.headers.get("x-next-cursor") ?? undefined;
    const decoder = new TextDecoder();
    let rest = "";
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      counter.bytes += chunk.byteLength;
      rest += decoder.decode(chunk, { stream: true });
      let nl = rest.indexOf("\n");
      while (nl >= 0) {
        const text = rest.slice(0, nl).trim();
        rest = rest.slice(nl + 1);
        if (text !== "") yield { position: ++position, text };
        nl = rest.indexOf("\n");
      }
    }
    rest += decoder.decode();
    if (rest.trim() !== "") yield { position: ++position, text: rest.trim() };
    if (next === undefined) return;
    if (cursor !== undefined && next <= cursor) {
      // A cursor that does not move would loop for ever.
      throw Errors.ReconcileExport(`${system}: ${pageUrl.pathname} returned cursor "${next}" after "${cursor}"`, {
        system,
      });
    }
    cursor = next;
  }
}
