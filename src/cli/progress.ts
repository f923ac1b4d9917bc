// A one-line progress display on stderr for long analyses: only on a terminal, only once the work
// has taken more than a second, cleared when done.

export interface ProgressLine {
  update(progress: { bytes: number; lines: number }): void;
  done(): void;
}

const QUIET: ProgressLine = { update: () => undefined, done: () => undefined };

export function progressLine(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  if (!stream.isTTY) return QUIET;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update({ bytes, lines }) {
      const now = Date.now();
      if (now - started < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      const secs = (now - started) / 1000;
      const pct = totalBytes > 0 ? ` (${Math.min(100, Math.round((100 * bytes) / totalBytes))} %)` : '';
      const mb = (n: number): string => (n / 1e6).toFixed(0);
      stream.write(`\r\x1b[Kreading ${mb(bytes)}/${mb(totalBytes)} MB${pct}, ${Math.round(lines / secs / 1000)} k lines/s`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
