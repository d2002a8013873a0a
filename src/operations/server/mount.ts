// server.mount: a filesystem mounted at a path (with at least the options asked for), or not mounted.
import { posix } from "node:path";
import { Mounts } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuseOptionLike,
  rejectUnknown,
  requiredString,
  stringList,
} from "../shared/args.js";

export const mount = defineOperation({
  name: "server.mount",
  description: "Mount a filesystem at a path (remounting it when options are missing), or unmount it (mounted false).",
  validate: (args) => {
    rejectUnknown(args, ["path", "mounted", "options", "device", "fs_type"], "server.mount");
    const path = requiredString(args, "path");
    if (!posix.isAbsolute(path) || /[\r\n]/.test(path))
      throw new OperationArgumentError(
        `argument path ${JSON.stringify(path)} must be an absolute path, e.g. path: "/mnt/data".`,
      );
    const options = stringList(args, "options");
    for (const option of options)
      if (/[,\s]/.test(option))
        throw new OperationArgumentError(
          `argument options holds ${JSON.stringify(option)}: give one option per list item, without "," or spaces, e.g. options: ["ro", "noexec"].`,
        );
    const device = optionalString(args, "device");
    refuseOptionLike(device, "device", 'give what to mount, e.g. device: "/dev/sdb1" or device: "tmpfs".');
    const fsType = optionalString(args, "fs_type");
    if (fsType !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(fsType))
      throw new OperationArgumentError(
        `argument fs_type ${JSON.stringify(fsType)} is not a filesystem type: give one such as "ext4" or "tmpfs".`,
      );
    // The kernel lists a mount point without its trailing "/".
    return { path: path.replace(/(.)\/+$/, "$1"), mounted: booleanArg(args, "mounted", true), options, device, fsType };
  },
  facts: () => [{ fact: Mounts }],
  plan: (args, facts) => {
    const current = facts.get(Mounts)[args.path];
    const path = shellQuote(args.path);
    if (args.mounted && !current) {
      const parts = ["mount"];
      if (args.fsType) parts.push("-t", shellQuote(args.fsType));
      if (args.options.length) parts.push("-o", shellQuote(args.options.join(",")));
      if (args.device) parts.push(shellQuote(args.device));
      parts.push(path);
      return change([parts.join(" ")]);
    }
    if (!args.mounted) return current ? change([`umount ${path}`]) : noop(`filesystem ${args.path} is not mounted`);
    // Mounted: remount when an option asked for is not among the kernel's (it lists them in its own
    // words: "size=1m" reads back as "size=1024k", and would be remounted on every run).
    const missing = args.options.filter((option) => !current?.options.includes(option));
    if (missing.length)
      return change([`mount -o ${shellQuote(["remount", ...args.options].join(","))} ${path}`], {
        reason: `options ${missing.join(",")} missing`,
      });
    return noop(`filesystem ${args.path} is mounted${args.options.length ? ` with ${args.options.join(",")}` : ""}`);
  },
});
