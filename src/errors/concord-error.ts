/** What every Concord error carries: a stable code, the HTTP status it maps to, and whether retrying can help. */
export interface ErrorDefinition {
  readonly code: `CONCORD_ERR_${string}`;
  readonly status: number;
  readonly title: string;
  readonly retryable: boolean;
}

export class ConcordError extends Error {
  readonly code: ErrorDefinition["code"];
  readonly status: number;
  readonly title: string;
  readonly retryable: boolean;
  /** Structured facts for the client (field paths, ids); rendered as problem+json extension members. */
  readonly extras: Readonly<Record<string, unknown>>;

  constructor(def: ErrorDefinition, detail: string, extras: Record<string, unknown> = {}, cause?: unknown) {
    super(detail, cause === undefined ? undefined : { cause });
    this.name = "ConcordError";
    this.code = def.code;
    this.status = def.status;
    this.title = def.title;
    this.retryable = def.retryable;
    this.extras = extras;
  }
}

export type ErrorFactory = ((detail: string, extras?: Record<string, unknown>, cause?: unknown) => ConcordError) &
  ErrorDefinition & { is(e: unknown): e is ConcordError };

/** createError('CONCORD_ERR_X', 400, 'Title') → a factory that is also its own definition. */
export function createError(
  code: ErrorDefinition["code"],
  status: number,
  title: string,
  retryable = false,
): ErrorFactory {
  const def: ErrorDefinition = { code, status, title, retryable };
  const make = (detail: string, extras?: Record<string, unknown>, cause?: unknown) =>
    new ConcordError(def, detail, extras, cause);
  return Object.assign(make, def, {
    is: (e: unknown): e is ConcordError => e instanceof ConcordError && e.code === code,
  });
}
