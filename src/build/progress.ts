/**
 * Progress of long work, per stage: on a terminal one updating line with count, rate and ETA; in a
 * log (CI, pipes) a plain line when a stage starts and ends; nothing with --quiet.
 */
export interface StageProgress {
  tick(n?: number): void;
  done(summary?: string): void;
}

export interface Progress {
  stage(name: string, total?: number): StageProgress;
  info(message: string): void;
}

export const silentProgress: Progress = {
  stage: () => ({ tick() {}, done() {} }),
  info() {},
};

export function createProgress(stream: NodeJS.WriteStream | NodeJS.WritableStream, opts: { quiet?: boolean } = {}): Progress {
  if (opts.quiet) return silentProgress;
  const tty = "isTTY" in stream && stream.isTTY;
  return {
    info: (message) => void stream.write(`${message}\n`),
    stage(name, total) {
      const started = performance.now();
      let count = 0;
      let lastDraw = 0;
      if (!tty) stream.write(`${name}…${total !== undefined ? ` (${total})` : ""}\n`);
      const draw = () => {
        const secs = (performance.now() - started) / 1000;
        const rate = secs > 0 ? count / secs : 0;
        const eta = total && rate ? ` · ETA ${Math.max(0, (total - count) / rate).toFixed(1)}s` : "";
        stream.write(`\r\x1b[K${name} ${count}${total !== undefined ? `/${total}` : ""} · ${rate.toFixed(0)}/s${eta}`);
      };
      return {
        tick(n = 1) {
          count += n;
          const now = performance.now();
          if (tty && now - lastDraw > 100) {
            lastDraw = now;
            draw();
          }
        },
        done(summary) {
          const secs = ((performance.now() - started) / 1000).toFixed(2);
          stream.write(`${tty ? "\r\x1b[K" : ""}${name}: ${summary ?? `${count} done`} in ${secs}s\n`);
        },
      };
    },
  };
}
