/** Where an import stands; elapsedMs counts from the start of the read. */
export interface ProgressState {
  readonly bytesRead: number;
  /** The file size when known (a pipe has none): enables the percentage, the bar and the ETA. */
  readonly totalBytes?: number;
  readonly rows: number;
  readonly elapsedMs: number;
}

const FULL = "█";
const EMPTY = "░";
/** Narrower than this the bar says nothing useful; the figures alone are shown. */
const MIN_BAR = 10;

/**
 * One line of at most `width` characters for a terminal:
 * `[████░░░░]  42.0%  11.2/26.7 MB  38,120 rows/s  ETA 0:07`. Pure, so it is tested without a TTY.
 */
export function renderProgress(state: ProgressState, width: number): string {
  const total = state.totalBytes;
  if (total === undefined || total <= 0) return clip(describeProgress(state), width);
  const fraction = Math.min(1, Math.max(0, state.bytesRead / total));
  const figures = `${percent(fraction)}  ${bytesPair(state.bytesRead, total)}  ${rate(state)} rows/s  ETA ${eta(state)}`;
  const barWidth = Math.floor(width) - figures.length - 3; // "[" + "]" + one space
  if (barWidth < MIN_BAR) return clip(figures, width);
  const filled = Math.floor(fraction * barWidth);
  return `[${FULL.repeat(filled)}${EMPTY.repeat(barWidth - filled)}] ${figures}`;
}

/** The figures as a sentence, for logs and pipes where a redrawn bar would be noise. */
export function describeProgress(state: ProgressState): string {
  const total = state.totalBytes;
  const rows = `${state.rows.toLocaleString("en-US")} rows`;
  if (total === undefined || total <= 0) {
    return `${formatBytes(state.bytesRead)}, ${rows}, ${rate(state)} rows/s`;
  }
  const fraction = Math.min(1, Math.max(0, state.bytesRead / total));
  return `${percent(fraction)} (${bytesPair(state.bytesRead, total)}), ${rows}, ${rate(state)} rows/s, ETA ${eta(state)}`;
}

function clip(text: string, width: number): string {
  const w = Math.max(0, Math.floor(width));
  return text.length <= w ? text : text.slice(0, w);
}

function percent(fraction: number): string {
  return `${(Math.floor(fraction * 1000) / 10).toFixed(1)}%`.padStart(6);
}

function rate(s: ProgressState): string {
  if (s.elapsedMs <= 0) return "0";
  return Math.round((s.rows * 1000) / s.elapsedMs).toLocaleString("en-US");
}

/** Remaining bytes at the average speed so far; unknown until something was read. */
function eta(s: ProgressState): string {
  const total = s.totalBytes ?? 0;
  if (s.bytesRead <= 0 || s.elapsedMs <= 0) return "--:--";
  const remainingMs = (Math.max(0, total - s.bytesRead) * s.elapsedMs) / s.bytesRead;
  return formatDuration(remainingMs);
}

export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Both sides in the unit of the total, so the pair reads as a fraction: "11.2/26.7 MB". */
function bytesPair(read: number, total: number): string {
  const [div, unit] = unitFor(total);
  return `${(read / div).toFixed(1)}/${(total / div).toFixed(1)} ${unit}`;
}

export function formatBytes(n: number): string {
  const [div, unit] = unitFor(n);
  return `${(n / div).toFixed(1)} ${unit}`;
}

function unitFor(n: number): [number, string] {
  if (n >= 1e9) return [1e9, "GB"];
  if (n >= 1e6) return [1e6, "MB"];
  return [1e3, "kB"];
}

/** What ProgressBar writes to: process.stderr in the CLI. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressBarOptions {
  readonly totalBytes?: number;
  /** Printed before the bar or line, e.g. the file name. */
  readonly label?: string;
  readonly now?: () => number;
  /** Between two redraws on a terminal; 100 ms by default. */
  readonly redrawMs?: number;
  /** Between two lines when not on a terminal; 10 s by default. */
  readonly lineMs?: number;
}

/**
 * Shows import progress: redrawn in place on a TTY, a line every few seconds otherwise (CI logs,
 * files). Cheap to call on every row: it renders only when its interval has passed.
 */
export class ProgressBar {
  private readonly start: number;
  private readonly now: () => number;
  private readonly interval: number;
  private lastRender = Number.NEGATIVE_INFINITY;
  private bytesRead = 0;
  private rows = 0;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly options: ProgressBarOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.start = this.now();
    this.interval = out.isTTY ? (options.redrawMs ?? 100) : (options.lineMs ?? 10_000);
    this.lastRender = this.start;
  }

  update(progress: { readonly bytes: number; readonly rows: number }): void {
    this.bytesRead = progress.bytes;
    this.rows = progress.rows;
    const t = this.now();
    if (t - this.lastRender < this.interval) return;
    this.lastRender = t;
    this.render(t);
  }

  /** Draws the final figures and, on a terminal, moves to a fresh line. */
  finish(): void {
    this.render(this.now());
    if (this.out.isTTY && this.drawn) this.out.write("\n");
  }

  state(at = this.now()): ProgressState {
    return {
      bytesRead: this.bytesRead,
      rows: this.rows,
      elapsedMs: at - this.start,
      ...(this.options.totalBytes === undefined ? {} : { totalBytes: this.options.totalBytes }),
    };
  }

  private render(t: number): void {
    const label = this.options.label ? `${this.options.label} ` : "";
    if (this.out.isTTY) {
      const width = (this.out.columns ?? 80) - label.length - 1; // the last column would wrap on some terminals
      this.out.write(`\r${label}${renderProgress(this.state(t), width)}\u001b[K`);
      this.drawn = true;
    } else {
      this.out.write(`${label}${describeProgress(this.state(t))}\n`);
    }
  }
}
