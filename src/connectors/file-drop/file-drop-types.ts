/** An inbound file handed to the handler, already claimed (moved to processing/). */
export interface DroppedFile {
  readonly partner: string;
  /** The name the partner gave it. */
  readonly name: string;
  /** Where it is now, under processing/; read it from here. */
  readonly path: string;
  readonly size: number;
  readonly claimedAt: Date;
  /** True when a crashed watcher had claimed it before: the handler may have seen it already. */
  readonly recovered: boolean;
}

export type FileDropEvent =
  | {
      readonly type: "claimed" | "archived" | "recovered";
      readonly partner: string;
      readonly name: string;
      readonly path: string;
    }
  | {
      readonly type: "failed";
      readonly partner: string;
      readonly name: string;
      readonly path: string;
      readonly error: unknown;
    }
  | { readonly type: "folder-error"; readonly partner: string; readonly error: unknown };
