/**
 * Progress for long stages, on stderr: a live line on a terminal, a plain line every
 * 10 s elsewhere, nothing in CI logs (CI=true). Data never goes to this stream.
 */
export interface ProgressState {
  stage: string;
  done: number;
  bytes: number;
  seconds: number;
  /** Known number of documents, if any. */
  total?: number;
  /** Known number of input bytes, if any: the fraction done then follows the bytes read. */
  totalBytes?: number;
}

const BAR_WIDTH = 24;

/** The progress line: documents, MB/s and, when the size of the whole is known, a bar and an ETA. */
export function renderProgress({ stage, done, bytes, seconds, total, totalBytes }: ProgressState): string {
  const secs = Math.max(seconds, 1e-3);
  const rate = `${(bytes / 1e6 / secs).toFixed(1)} MB/s`;
  const count = `${done}${total ? `/${total}` : ''} docs`;
  const fraction = totalBytes ? bytes / totalBytes : total ? done / total : null;
  if (fraction === null || done === 0) return `${stage}: ${count}, ${rate}`;
  const clamped = Math.min(Math.max(fraction, 0), 1);
  const filled = Math.round(clamped * BAR_WIDTH);
  const eta = clamped > 0 ? Math.max(secs / clamped - secs, 0) : 0;
  return `${stage} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count}, ${rate}, ${Math.round(clamped * 100)} %, ETA ${Math.round(eta)} s`;
}

export class Progress {
  private readonly started = Date.now();
  private lastPrint = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly quiet = process.env.CI === 'true' || process.env.PROGRESS === '0';
  done = 0;
  bytes = 0;

  constructor(private readonly stage: string, private readonly total?: number, private readonly totalBytes?: number) {}

  tick(bytes = 0): void {
    this.done++;
    this.bytes += bytes;
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.lastPrint < (this.tty ? 200 : 10_000)) return;
    this.lastPrint = now;
    const line = this.render(now);
    if (this.tty) process.stderr.write(`\r${line}\x1b[K`);
    else process.stderr.write(line + '\n');
  }

  finish(): void {
    if (this.quiet) return;
    if (this.tty) process.stderr.write(`\r${this.render(Date.now())}\x1b[K\n`);
  }

  private render(now: number): string {
    return renderProgress({ stage: this.stage, done: this.done, bytes: this.bytes, seconds: (now - this.started) / 1000, total: this.total, totalBytes: this.totalBytes });
  }
}
