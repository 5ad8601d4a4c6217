/**
 * Progress for long stages, on stderr: a live line on a terminal, a plain line every
 * 10 s elsewhere, nothing in CI logs (CI=true). Data never goes to this stream.
 */
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
    const secs = Math.max((now - this.started) / 1000, 1e-3);
    const mbs = this.bytes / 1e6 / secs;
    let line = `${this.stage}: ${this.done}${this.total ? `/${this.total}` : ''} docs, ${mbs.toFixed(1)} MB/s`;
    if (this.total && this.done > 0) {
      const fraction = this.totalBytes ? this.bytes / this.totalBytes : this.done / this.total;
      const width = 24;
      const filled = Math.round(Math.min(fraction, 1) * width);
      const eta = fraction > 0 ? secs / fraction - secs : 0;
      line = `${this.stage} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} docs, ${mbs.toFixed(1)} MB/s, ETA ${Math.round(eta)} s`;
    }
    return line;
  }
}
