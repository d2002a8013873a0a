// flatpak.remote: a flatpak remote (a repository of applications) added or removed.
import { FlatpakRemotes } from "../../facts/tool-packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuseOptionLike,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";

export const remote = defineOperation({
  name: "flatpak.remote",
  description:
    "Add a flatpak remote from its URL (flatpak remote-add) unless it is configured, or remove it (present: false, remote-delete).",
  validate: (args) => {
    rejectUnknown(args, ["src", "url", "present", "user"], "flatpak.remote");
    const src = requiredString(args, "src");
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(src))
      throw new OperationArgumentError(
        `argument src ${JSON.stringify(src)} must be a remote's name: letters, digits, _, . and - (e.g. "flathub").`,
      );
    const present = booleanArg(args, "present", true);
    const url = optionalString(args, "url");
    refuseOptionLike(url, "url", "give the remote's URL (a .flatpakrepo file or the repository).");
    if (present && url === undefined)
      throw new OperationArgumentError(
        `flatpak.remote needs url to add remote ${src} (e.g. "https://dl.flathub.org/repo/flathub.flatpakrepo").`,
      );
    return { src, url, present, user: booleanArg(args, "user", false) };
  },
  facts: (args) => [{ fact: FlatpakRemotes, args: { user: args.user } }],
  plan: (args, facts) => {
    const configured = facts.get(FlatpakRemotes, { user: args.user }).includes(args.src);
    const scope = args.user ? "--user" : "--system";
    if (!args.present)
      return configured
        ? change([`flatpak remote-delete ${scope} ${shellQuote(args.src)}`])
        : noop(`remote ${args.src} is not configured`);
    if (configured) return noop(`remote ${args.src} is configured`);
    return change([
      `flatpak remote-add --if-not-exists ${scope} ${shellQuote(args.src)} ${shellQuote(args.url ?? "")}`,
    ]);
  },
});
