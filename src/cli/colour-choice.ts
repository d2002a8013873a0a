// Whether the CLI colours what it prints: never when told not to, and by default only on a terminal.
import { ansiPalette, type Palette, plainPalette } from "../report/colour.js";

// Whatever says no wins: --no-color, then NO_COLOR (any non-empty value, as no-color.org says);
// then FORCE_COLOR (non-empty: on, unless "0" or "false"), even when stdout is not a terminal;
// else colour only when stdout is a terminal that is not "dumb".
export function chooseColour(flag: boolean, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (!flag || env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force) return force !== "0" && force.toLowerCase() !== "false";
  return isTTY && env.TERM !== "dumb";
}

// The palette for this process's stdout, as `chooseColour` decides (flag: false after --no-color).
export function choosePalette(flag: boolean): Palette {
  return chooseColour(flag, process.env, Boolean(process.stdout.isTTY)) ? ansiPalette : plainPalette;
}
