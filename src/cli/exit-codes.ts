/** Exit codes that scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** Nothing could be done: no input could be coded, the gold file was unreadable… */
  failed: 1,
  /** Wrong usage: unknown option, bad argument. */
  usage: 2,
  /** Some inputs failed (each reported on stderr) while the others were processed. */
  partial: 3,
} as const;
