/** Problems found in dictionary files, each as `file:line: field: reason` where the line is known. */
export class DictionaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`dictionary errors:\n  ${problems.join('\n  ')}`);
  }
}
