/**
 * A progress bar for long runs, drawn on stderr only when stderr is a terminal, so that logs and
 * pipes get clean lines. Messages printed during the run go above the bar.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, detail: string): void;
  log(message: string): void;
  stop(): void;
}

export function createProgress(total: number | null, label: string): Progress {
  if (!process.stderr.isTTY) {
    return { update: () => {}, log: (m) => process.stderr.write(`${m}\n`), stop: () => {} };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: total
        ? `${label} [{bar}] {percentage}% {value}/{total} · {detail} · eta {eta_formatted}`
        : `${label} {value} · {detail}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multi.create(total ?? 0, 0, { detail: '' });
  return {
    update: (done, detail) => bar.update(done, { detail }),
    log: (m) => multi.log(`${m}\n`),
    stop: () => multi.stop(),
  };
}
