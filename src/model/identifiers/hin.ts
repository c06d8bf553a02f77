/**
 * HIBCC Health Industry Number: a 7-character base identifying the facility and a 2-character
 * suffix identifying a department or location inside it. HIN data is licensed: parse it, never ship it.
 */
export interface Hin {
  readonly base: string;
  readonly suffix: string;
}

const HIN_RE = /^[A-Z0-9]{9}$/;

export function isValidHin(s: string): boolean {
  return typeof s === "string" && HIN_RE.test(s);
}

export function parseHin(s: string): Hin {
  if (!isValidHin(s)) {
    throw new Error(`invalid HIN ${JSON.stringify(s)}: expected 9 characters A-Z or 0-9 (7-char base + 2-char suffix)`);
  }
  return { base: s.slice(0, 7), suffix: s.slice(7) };
}
