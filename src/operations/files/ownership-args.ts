// The user, group and mode arguments files.file, directory, put, template and download share.
import { accountName, modeArg } from "../shared/args.js";

// Their names, for `rejectUnknown`.
export const ownershipKeys = ["user", "group", "mode"] as const;

// Reads and checks them.
export function readOwnershipArgs(args: Record<string, unknown>) {
  return { user: accountName(args, "user"), group: accountName(args, "group"), mode: modeArg(args) };
}
