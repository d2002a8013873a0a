// apt.key: a repository signing key in a keyring file (for signed-by=), from a URL or a keyserver.
import { posix } from "node:path";
import { File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, optionalString, rejectUnknown } from "../shared/args.js";
import { parentDirectoryCommand } from "../shared/ownership.js";

export const key = defineOperation({
  name: "apt.key",
  description:
    "Download a repository signing key (src URL, or keyid from keyserver) to a keyring file (for signed-by=), unless it is there; a .gpg dest is dearmored.",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest", "keyserver", "keyid", "present"], "apt.key");
    const src = optionalString(args, "src");
    const keyserver = optionalString(args, "keyserver");
    const keyid = optionalString(args, "keyid");
    if (src !== undefined && (keyserver !== undefined || keyid !== undefined))
      throw new OperationArgumentError("apt.key takes either src (a key's URL) or keyserver and keyid, not both.");
    if (src === undefined && (keyserver === undefined || keyid === undefined))
      throw new OperationArgumentError(
        "apt.key needs src (a key's URL), or keyserver and keyid (keyserver: hkps://…, keyid: the key's fingerprint).",
      );
    if (keyid !== undefined && !/^(0x)?[0-9A-Fa-f]{8,40}$/.test(keyid))
      throw new OperationArgumentError(`argument keyid must be a key's hex id or fingerprint ("${keyid}").`);
    if (keyserver?.startsWith("-") || src?.startsWith("-"))
      throw new OperationArgumentError('arguments src and keyserver may not start with "-".');
    const fallback = src
      ? posix.basename(new URL(src, "file:///").pathname) || "key.asc"
      : `${(keyid ?? "").replace(/^0x/, "")}.gpg`;
    const dest = optionalString(args, "dest") ?? `/etc/apt/keyrings/${fallback}`;
    return { src, keyserver, keyid, dest, present: booleanArg(args, "present", true) };
  },
  facts: (args) => [{ fact: File, args: { path: args.dest } }],
  plan: (args, facts) => {
    const there = facts.get(File, { path: args.dest }) !== null;
    const dest = shellQuote(args.dest);
    if (!args.present) return there ? change([`rm -f ${dest}`]) : noop(`key ${args.dest} is already absent`);
    if (there) return noop(`key ${args.dest} is already present`);
    const dearmor = args.dest.endsWith(".gpg");
    let fetch: string;
    if (args.src !== undefined) {
      const url = shellQuote(args.src);
      const get = `{ curl -fsSL -o "$t" ${url} || wget -q -O "$t" ${url}; }`;
      fetch = dearmor
        ? `${get} && { if grep -q 'BEGIN PGP' "$t"; then g=$(mktemp -d) && GNUPGHOME="$g" gpg --batch --yes --dearmor -o "$t.gpg" "$t"; r=$?; rm -rf "$g"; [ $r -eq 0 ] && mv -f "$t.gpg" "$t"; fi; }`
        : get;
    } else {
      const server = shellQuote(args.keyserver ?? "");
      const id = shellQuote(args.keyid ?? "");
      fetch = `g=$(mktemp -d) && GNUPGHOME="$g" gpg --batch --keyserver ${server} --recv-keys ${id} && GNUPGHOME="$g" gpg --batch --yes ${dearmor ? "" : "--armor "}--export -o "$t" ${id}; r=$?; rm -rf "$g"; [ $r -eq 0 ] && [ -s "$t" ]`;
    }
    return change([
      parentDirectoryCommand(args.dest),
      `t=$(mktemp) && ${fetch} && chmod 644 "$t" && mv -f "$t" ${dest}`,
    ]);
  },
});
