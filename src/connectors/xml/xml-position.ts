/** Where something is in a document: 1-based line and column, and the UTF-8 byte offset from its start. */
export interface XmlPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/**
 * Position of the character at `index` in `text`. Only computed when an error is raised, so the
 * scan itself stays a tight loop over indexes.
 */
export function positionAt(text: string, index: number, bomBytes = 0): XmlPosition {
  const at = Math.max(0, Math.min(index, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return {
    line,
    column: at - lineStart + 1,
    offset: bomBytes + Buffer.byteLength(text.slice(0, at), "utf8"),
  };
}

/** " at line 3, column 7 (byte 41)" for error messages. */
export function describePosition(p: XmlPosition): string {
  return `line ${p.line}, column ${p.column} (byte ${p.offset})`;
}
