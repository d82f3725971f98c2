/** A one-line progress bar in plain ANSI (no dependency); one line per step when stdout is not a terminal. */
export class Progress {
  private done = 0;
  private readonly started = Date.now();

  constructor(private readonly total: number, private readonly out: NodeJS.WriteStream = process.stdout) {}

  tick(label: string): void {
    this.done = Math.min(this.total, this.done + 1);
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1).padStart(5);
    if (!this.out.isTTY) {
      this.out.write(`[${String(this.done).padStart(2)}/${this.total}] ${seconds}s ${label}\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `\x1b[32m${'█'.repeat(filled)}\x1b[2m${'░'.repeat(width - filled)}\x1b[0m`;
    const pct = `${Math.round((this.done / this.total) * 100)}%`.padStart(4);
    const columns = this.out.columns ?? 100;
    const line = `${bar} ${pct} ${seconds}s  ${label}`;
    this.out.write(`\r\x1b[2K${line.slice(0, columns + 20)}`);
  }

  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}
