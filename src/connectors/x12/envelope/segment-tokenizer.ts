import { envelopeError, syntaxError, type X12Position } from "../x12-problem.js";
import type { Segment } from "./segment.js";
import { ISA_LENGTH, isNewlineTerminator, readSeparators, type Separators } from "./separators.js";

/** A segment longer than this without a terminator means the terminator is wrong: stop instead of buffering the file. */
export const MAX_SEGMENT_CHARS = 1 << 20;

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
const BOM = 0xfeff;

function isSpace(code: number): boolean {
  // CR, LF, tab, space, and the form feed / NUL padding some VAN mailboxes add between interchanges.
  return code === 13 || code === 10 || code === 32 || code === 9 || code === 12 || code === 0;
}

/**
 * Splits a stream of chunks into segments with flat memory: only the unfinished tail of the last
 * chunk is kept. Separators come from each interchange's ISA, so several interchanges with
 * different delimiters may follow each other. Chunks may end anywhere, including inside a UTF-8
 * multi-byte terminator (TextDecoder in stream mode holds the partial bytes back). Whitespace
 * between segments (CR/LF after a terminator, indentation) and a leading UTF-8 BOM are skipped.
 */
export class SegmentTokenizer {
  // ignoreBOM keeps a BOM in the text so it is counted (3 bytes) in byte offsets, then skipped below.
  #decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  #pending = "";
  /** Byte offset of `#pending[0]` in the input. */
  #byteOffset = 0;
  #segmentIndex = 0;
  #separators: Separators | undefined;
  #terminatorBytes = 1;
  #newline = false;
  #atStart = true;
  /** Separators of ISAs already emitted but not yet claimed by the envelope reader, in order. */
  #isaSeparators: Separators[] = [];

  /** The separators of the interchange being read (undefined before its ISA and after its IEA). */
  get separators(): Separators | undefined {
    return this.#separators;
  }

  /** The separators of the next ISA segment returned, in the order the ISAs were returned. */
  takeIsaSeparators(): Separators | undefined {
    return this.#isaSeparators.shift();
  }

  /** Bytes fully consumed so far (the offset of the unfinished tail). */
  get byteOffset(): number {
    return this.#byteOffset;
  }

  get segmentsRead(): number {
    return this.#segmentIndex;
  }

  /** Feeds a chunk; returns the segments it completed. */
  push(chunk: Uint8Array | string): Segment[] {
    const text = typeof chunk === "string" ? chunk : this.#decoder.decode(chunk, { stream: true });
    this.#pending = this.#pending.length === 0 ? text : this.#pending + text;
    return this.#drain(false);
  }

  /** Ends the input. A last segment without its terminator is accepted: newline-terminated files often lack the final newline. */
  end(): Segment[] {
    const rest = this.#decoder.decode();
    if (rest) this.#pending += rest;
    return this.#drain(true);
  }

  /** Called after an IEA: the next interchange brings its own ISA and separators. */
  resetSeparators(): void {
    this.#separators = undefined;
  }

  #drain(final: boolean): Segment[] {
    const out: Segment[] = [];
    const text = this.#pending;
    // Invariant: this.#byteOffset is the byte offset of text[cursor].
    let cursor = 0;
    let isaEnd = -1;
    for (;;) {
      let start = cursor;
      while (start < text.length && isSpace(text.charCodeAt(start))) start++;
      if (this.#atStart && start < text.length) {
        this.#atStart = false;
        if (text.charCodeAt(start) === BOM) {
          this.#byteOffset += start - cursor + 3;
          cursor = ++start;
          continue;
        }
      }
      if (start >= text.length) {
        this.#byteOffset += start - cursor;
        cursor = start;
        break;
      }
      if (this.#separators === undefined) {
        const available = text.length - start;
        if (available <= ISA_LENGTH && !final) break; // wait for the ISA and one more character (a CRLF after it)
        const byteOffset = this.#byteOffset + (start - cursor);
        if (!text.startsWith("ISA", start) || available < ISA_LENGTH) {
          const where: X12Position = { segmentIndex: this.#segmentIndex + 1, segmentId: "ISA", byteOffset };
          if (text.startsWith("ISA", start)) {
            throw envelopeError(
              `the input ends inside the ISA: ${available} characters left, an ISA has ${ISA_LENGTH}`,
              where,
              "023",
            );
          }
          throw envelopeError(`expected an ISA segment, found ${JSON.stringify(text.slice(start, start + 20))}`, where);
        }
        this.#separators = readSeparators(text.slice(start, start + ISA_LENGTH + 1), byteOffset);
        this.#newline = isNewlineTerminator(this.#separators);
        this.#terminatorBytes = Buffer.byteLength(this.#separators.segment);
        this.#isaSeparators.push(this.#separators);
        isaEnd = start + ISA_LENGTH - 1;
      }
      // The ISA is fixed width: its end is known, even if a terminator character occurs inside its data.
      const end = isaEnd >= 0 ? isaEnd : this.#findTerminator(text, start);
      isaEnd = -1;
      if (end < 0) {
        if (text.length - start > MAX_SEGMENT_CHARS) {
          throw syntaxError(
            `no segment terminator ${JSON.stringify(this.#separators.segment)} within ${MAX_SEGMENT_CHARS} characters`,
            {
              segmentIndex: this.#segmentIndex + 1,
              segmentId: text.slice(start, start + 3),
              byteOffset: this.#byteOffset + (start - cursor),
            },
          );
        }
        if (!final) break;
        this.#byteOffset += start - cursor;
        out.push(this.#segment(text.slice(start)));
        cursor = text.length;
        break;
      }
      this.#byteOffset += start - cursor;
      const segment = this.#segment(text.slice(start, end));
      out.push(segment);
      this.#byteOffset += this.#terminatorBytes;
      cursor = end + this.#separators.segment.length;
      // After an IEA the next interchange may use other separators: read them from its ISA.
      if (segment.id === "IEA") this.#separators = undefined;
    }
    this.#pending = cursor >= text.length ? "" : text.slice(cursor);
    return out;
  }

  #findTerminator(text: string, from: number): number {
    if (!this.#newline) return text.indexOf(this.#separators!.segment, from);
    const cr = text.indexOf("\r", from);
    const lf = text.indexOf("\n", from);
    if (cr < 0) return lf;
    if (lf < 0) return cr;
    return Math.min(cr, lf);
  }

  /** Builds a segment from its raw text and advances the byte offset past it. */
  #segment(raw: string): Segment {
    const byteOffset = this.#byteOffset;
    this.#byteOffset += Buffer.byteLength(raw);
    const index = ++this.#segmentIndex;
    const elements = raw.split(this.#separators!.element);
    const id = elements[0]!;
    if (!SEGMENT_ID.test(id)) {
      throw syntaxError(
        `invalid segment id ${JSON.stringify(id.slice(0, 20))}: expected 2-3 upper-case letters or digits starting with a letter`,
        { segmentIndex: index, segmentId: id.slice(0, 3), byteOffset },
      );
    }
    return { id, elements, index, byteOffset };
  }
}
