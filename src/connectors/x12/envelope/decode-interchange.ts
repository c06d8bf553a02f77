import { envelopeError } from "../x12-problem.js";
import type { Interchange, X12Event } from "./interchange-types.js";
import { createX12Decoder, type X12DecoderOptions } from "./x12-decoder.js";

export type DecodeInterchangeOptions = Pick<X12DecoderOptions, "controls">;

/** Every interchange in a whole document (a file may hold several, each with its own separators). */
export function decodeInterchanges(input: string | Uint8Array, options: DecodeInterchangeOptions = {}): Interchange[] {
  const decoder = createX12Decoder({ mode: "collect", controls: options.controls ?? "throw" });
  const out: Interchange[] = [];
  const take = (events: X12Event[]) => {
    for (const e of events) if (e.type === "interchange-end") out.push(e.interchange);
  };
  take(decoder.push(input));
  take(decoder.end());
  return out;
}

/**
 * Decodes a whole document holding exactly one interchange, e.g.
 * `decodeInterchange(readFileSync("850.x12")).groups[0].sets[0].segments`.
 */
export function decodeInterchange(input: string | Uint8Array, options: DecodeInterchangeOptions = {}): Interchange {
  const all = decodeInterchanges(input, options);
  if (all.length !== 1) {
    throw envelopeError(`expected one interchange, found ${all.length}; use decodeInterchanges for files with several`);
  }
  return all[0]!;
}

/** Decodes a byte stream (a file or socket read stream) into events as the chunks arrive. */
export async function* decodeX12Stream(
  source: AsyncIterable<Uint8Array | string>,
  options: X12DecoderOptions = {},
): AsyncGenerator<X12Event> {
  const decoder = createX12Decoder(options);
  for await (const chunk of source) yield* decoder.push(chunk);
  yield* decoder.end();
}
