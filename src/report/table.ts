// Plain aligned text tables for terminals and logs.

// Pads each column to its widest cell; the last column is not padded. `paint` (colour on a
// terminal) is given each body cell's text; the padding is counted without it, so escape codes
// never upset the alignment.
export function formatTable(
  header: string[],
  rows: string[][],
  paint: (cell: string, row: number, column: number) => string = (cell) => cell,
): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[], row?: number) =>
    cells
      .map((cell, i) => {
        const padding = i === cells.length - 1 ? "" : " ".repeat(Math.max((widths[i] ?? 0) - cell.length, 0));
        return `${row === undefined ? cell : paint(cell, row, i)}${padding}`;
      })
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map((row, i) => line(row, i))];
}
