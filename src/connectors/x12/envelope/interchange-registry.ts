/**
 * Remembers interchange control numbers so a re-sent interchange is refused (DOMAIN §1.2: ISA13
 * must be unique per sender/receiver pair; GS06 and ST02 only within their container).
 *
 * The in-memory twin below is the reference; a store-backed implementation must make `seen`
 * atomic (an INSERT … ON CONFLICT DO NOTHING and "was a row inserted?") so two workers receiving
 * the same file cannot both accept it.
 */
export interface InterchangeRegistry {
  /**
   * Records (sender, receiver, controlNumber) and answers whether it was already recorded.
   * `sender` and `receiver` are "qualifier:id" (ISA05:ISA06, ISA07:ISA08), ids trimmed.
   */
  seen(sender: string, receiver: string, controlNumber: string): Promise<boolean>;
}

/** In-memory twin of the store-backed registry: for tests and the embedded hub's first runs. */
export class MemoryInterchangeRegistry implements InterchangeRegistry {
  readonly #seen = new Set<string>();

  async seen(sender: string, receiver: string, controlNumber: string): Promise<boolean> {
    // JSON keeps the three parts apart even if an id contains the joining character.
    const key = JSON.stringify([sender, receiver, controlNumber]);
    if (this.#seen.has(key)) return true;
    this.#seen.add(key);
    return false;
  }
}
