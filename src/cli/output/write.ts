/** Writing command output: to stdout or a file, respecting back-pressure, quiet on a closed pipe. */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export interface LineSink {
  line(s: string): Promise<void>;
  close(): Promise<void>;
}

export function lineSink(path?: string): LineSink {
  const out: Writable = path ? createWriteStream(path) : process.stdout;
  let broken = false;
  // `parley events | head` closes the pipe early: stop writing, without a stack trace.
  out.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') broken = true;
    else throw e;
  });
  return {
    async line(s) {
      if (broken) return;
      if (!out.write(`${s}\n`)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        });
      }
    },
    async close() {
      if (path) await new Promise<void>((r) => out.end(r));
    },
  };
}
