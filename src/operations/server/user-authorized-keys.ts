// server.user_authorized_keys: SSH public keys in a user's ~/.ssh/authorized_keys (delete_keys: only those).

import { Users } from "../../facts/server.js";
import { UserAuthorizedKeys } from "../../facts/users.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, checkAccountName, rejectUnknown, requiredString } from "../shared/args.js";
import { planAuthorizedKeys, readPublicKeys } from "../shared/authorized-keys.js";

export const user_authorized_keys = defineOperation({
  name: "server.user_authorized_keys",
  description: "Put SSH public keys in a user's ~/.ssh/authorized_keys (delete_keys: remove the others).",
  validate: (args) => {
    rejectUnknown(args, ["user", "public_keys", "delete_keys"], "server.user_authorized_keys");
    const user = requiredString(args, "user");
    checkAccountName(user, "user", "user");
    return {
      user,
      publicKeys: readPublicKeys(args, "public_keys"),
      deleteKeys: booleanArg(args, "delete_keys", false),
    };
  },
  facts: (args) => [{ fact: Users }, { fact: UserAuthorizedKeys, args: { user: args.user } }],
  plan: (args, facts) => {
    const account = facts.get(Users)[args.user];
    const info = facts.get(UserAuthorizedKeys, { user: args.user });
    const planned = planAuthorizedKeys(
      args.user,
      args.publicKeys,
      args.deleteKeys,
      info,
      undefined,
      account?.group ?? null,
    );
    if (!planned.commands.length) return noop(`${args.user}'s authorized keys are as wanted`);
    return change(planned.commands, planned.summary.length ? { reason: planned.summary.join(", ") } : {});
  },
});
