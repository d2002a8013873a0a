// The AuthorizedKeys fact: the public keys a user's ~/.ssh/authorized_keys lets in.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, lines, unreadable } from "./fact.js";
import { cannotRead, saysMissing } from "./stderr.js";

/** The arguments of the AuthorizedKeys fact. */
export interface AuthorizedKeysArgs {
  /** The user (default: the connecting user). */
  user?: string;
}

const noUser = "--infra-action-no-such-user--";

/**
 * The keys in a user's ~/.ssh/authorized_keys, one line each without comments and blank lines
 * ([] when the file is absent; the connecting user's when no user is given).
 * `await host.getFact("AuthorizedKeys", { user })`.
 */
export const AuthorizedKeys = defineFact<AuthorizedKeysArgs, string[]>({
  name: "AuthorizedKeys",
  description: "the public keys in a user's ~/.ssh/authorized_keys",
  arguments: { user: { type: "string", description: "the user (default: the connecting user)" } },
  command: ({ user } = {}) =>
    user
      ? `home=$(getent passwd ${shellQuote(user)} | cut -d: -f6); if [ -z "$home" ]; then echo ${noUser}; else LC_ALL=C cat "$home/.ssh/authorized_keys"; fi`
      : 'LC_ALL=C cat "$HOME/.ssh/authorized_keys"',
  parse: ({ stdout, stderr, exitCode }, { user } = {}) => {
    const whose = user ? `${user}'s` : "the connecting user's";
    if (stdout.trim() === noUser) return unreadable(`cannot read ${whose} authorized keys: there is no user ${user}`);
    if (exitCode !== 0)
      return saysMissing(stderr) ? [] : unreadable(cannotRead(`${whose} ~/.ssh/authorized_keys`, stderr));
    return lines(stdout)
      .map((line) => line.trim())
      .filter((line) => !line.startsWith("#"));
  },
});
