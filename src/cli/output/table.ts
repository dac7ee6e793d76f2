/** Plain-text tables for terminals: columns padded to their widest cell, long cells cut. */

export interface Column {
  header: string;
  /** Widest the column may grow; longer cells end in "…". */
  max?: number;
  align?: 'left' | 'right';
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s);

export function renderTable(columns: Column[], rows: (string | number | null | undefined)[][]): string {
  const text = rows.map((r) =>
    columns.map((c, i) => cut(String(r[i] ?? ''), c.max ?? 60).replace(/\s+/g, ' ')),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...text.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...text.map(line)].join('\n');
}
