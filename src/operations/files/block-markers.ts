// files.block's markers and content: reading the arguments, and finding marked blocks in a file's lines.
import { OperationArgumentError, optionalString, refuseLineBreak } from "../shared/args.js";

// The marker lines around a block.
export interface MarkerPair {
  begin: string;
  end: string;
}

// The markers a block is written with, and (without `marker`) pyinfra's, also recognised in a file.
export interface BlockMarkers extends MarkerPair {
  pyinfra?: MarkerPair;
}

// A block found in the file: the indexes of its begin and end marker lines.
export interface FoundBlock {
  start: number;
  end: number;
}

const defaultMarker = "# {mark} INFRA-ACTION BLOCK";
const pyinfraMarker = "# {mark} PYINFRA BLOCK";

// Reads marker, begin and end (pyinfra's defaults: "{mark}" is BEGIN, then END).
export function readMarkers(args: Record<string, unknown>): BlockMarkers {
  for (const key of ["marker", "begin", "end"]) refuseLineBreak(args, key, "Markers are single lines of the file.");
  const marker = optionalString(args, "marker");
  const begin = optionalString(args, "begin") || "BEGIN";
  const end = optionalString(args, "end") || "END";
  const pair = (template: string): MarkerPair => ({
    begin: template.replaceAll("{mark}", begin).trim(),
    end: template.replaceAll("{mark}", end).trim(),
  });
  const markers = pair(marker || defaultMarker);
  if (markers.begin === "" || markers.begin === markers.end)
    throw new OperationArgumentError(
      `the begin and end markers are both ${JSON.stringify(markers.begin)}: marker must hold {mark} (e.g. "# {mark} MY BLOCK"), and begin and end must differ.`,
    );
  return marker ? markers : { ...markers, pyinfra: pair(pyinfraMarker) };
}

// `content`: a string (one final line break dropped) or a list of lines.
export function readBlockContent(value: unknown): string[] {
  let lines: string[];
  if (typeof value === "string") lines = value.replace(/\r?\n$/, "").split(/\r?\n/);
  else if (Array.isArray(value) && value.every((l) => typeof l === "string"))
    lines = value.flatMap((l: string) => l.split(/\r?\n/));
  else
    throw new OperationArgumentError(
      "argument content must be a non-empty string or a list of lines when present is true (present: false removes the block and needs no content).",
    );
  if (lines.length === 0 || (lines.length === 1 && lines[0] === ""))
    throw new OperationArgumentError(
      "argument content is empty: give the block's lines, or set present: false to remove the block.",
    );
  return lines;
}

// The marked blocks in a file's lines, with the markers they use; a clear error for a marker without its pair.
export function findBlocks(
  path: string,
  lines: string[],
  markers: BlockMarkers,
): { lines: string[]; blocks: FoundBlock[]; markers: MarkerPair } {
  const content = (candidates: MarkerPair) => lines.some((l) => l.trim() === candidates.begin);
  const used = markers.pyinfra && !content(markers) && content(markers.pyinfra) ? markers.pyinfra : markers;
  const blocks: FoundBlock[] = [];
  let open: number | null = null;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === used.begin) {
      if (open !== null) unpaired(path, open, used.begin, used.end);
      open = index;
    } else if (trimmed === used.end) {
      if (open === null)
        throw new OperationArgumentError(
          `${path} line ${index + 1} is the end marker ${JSON.stringify(used.end)} with no begin marker ${JSON.stringify(used.begin)} before it: fix the file (or pick another marker).`,
        );
      blocks.push({ start: open, end: index });
      open = null;
    }
  });
  if (open !== null) unpaired(path, open, used.begin, used.end);
  return { lines, blocks, markers: { begin: used.begin, end: used.end } };
}

function unpaired(path: string, index: number, begin: string, end: string): never {
  throw new OperationArgumentError(
    `${path} line ${index + 1} is the begin marker ${JSON.stringify(begin)} with no end marker ${JSON.stringify(end)} after it: fix the file (or pick another marker).`,
  );
}
