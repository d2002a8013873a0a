// brew.tap: a Homebrew tap added or removed.
import { BrewTaps } from "../../facts/tool-packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, optionalString, refuseOptionLike, rejectUnknown } from "../shared/args.js";

export const tap = defineOperation({
  name: "brew.tap",
  description: "Add (brew tap, from url when given) or remove (present: false, brew untap) a Homebrew tap.",
  validate: (args) => {
    rejectUnknown(args, ["src", "present", "url"], "brew.tap");
    const url = optionalString(args, "url");
    refuseOptionLike(url, "url", "give the tap's git URL.");
    let src = optionalString(args, "src");
    // Only a URL: the tap is named after its path ("https://github.com/kptdev/kpt" → kptdev/kpt).
    if (src === undefined && url !== undefined) {
      try {
        src = new URL(url).pathname.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
      } catch {
        throw new OperationArgumentError(
          `argument url ${JSON.stringify(url)} is not a URL; give src ("user/repo") too.`,
        );
      }
    }
    if (src === undefined)
      throw new OperationArgumentError('brew.tap needs src (the tap, "user/repo") or url (the tap\'s git URL).');
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(src) || src.startsWith("-"))
      throw new OperationArgumentError(
        `argument src ${JSON.stringify(src)} must be a tap of two parts, "user/repo" (e.g. "homebrew/cask-fonts").`,
      );
    return { src, url, present: booleanArg(args, "present", true) };
  },
  facts: () => [{ fact: BrewTaps }],
  plan: (args, facts) => {
    const tapped = facts.get(BrewTaps).includes(args.src.toLowerCase());
    if (args.present)
      return tapped
        ? noop(`tap ${args.src} exists`)
        : change([`brew tap ${shellQuote(args.src)}${args.url ? ` ${shellQuote(args.url)}` : ""}`]);
    return tapped ? change([`brew untap ${shellQuote(args.src)}`]) : noop(`tap ${args.src} does not exist`);
  },
});
