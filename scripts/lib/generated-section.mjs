// What the README generators (action-docs, api-docs) share: with `--check`, compare the README with
// what they would write (table padding aside: a formatter may align tables) and fail when it is stale;
// otherwise write it.
import { writeFileSync } from "node:fs";

// Table text without its padding and with dashes of any length as one.
function squash(text) {
  return text
    .replace(/ *\| */g, "|")
    .replace(/\|-+/g, "|-")
    .replace(/-+\|/g, "-|")
    .replace(/:?-+:?/g, "-");
}

// Checks (`--check` among the arguments) or writes `next` over `current` in `file`; `stale` and `fresh`
// are the messages for an out-of-date and an up-to-date README.
export function checkOrWrite(file, current, next, { stale, fresh }) {
  if (!process.argv.includes("--check")) {
    writeFileSync(file, next);
    return;
  }
  if (squash(next) !== squash(current)) {
    console.error(stale);
    process.exit(1);
  }
  console.log(fresh);
}
