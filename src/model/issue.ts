/**
 * One problem found in a canonical value. `path` is a JSON pointer (RFC 6901, e.g.
 * "/priceLines/3/unitPrice") so UIs and partner reports can point at the exact field; `rule` is a
 * stable id ("schema", "contract.dates-ordered") for counting and suppressing; `message` is for people.
 */
export interface Issue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}
