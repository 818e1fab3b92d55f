import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on standard error, shown only to a person at a terminal. */
export interface Progress {
  phase(label: string, total?: number): void;
  update(done: number, total?: number): void;
  stop(): void;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { phase() {}, update() {}, stop() {} };
  let bar: SingleBar | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    phase(label, total = 1) {
      stop();
      bar = new SingleBar(
        { format: `${label.padEnd(22)} [{bar}] {percentage} %`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done, total) {
      if (!bar) return;
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop,
  };
}
