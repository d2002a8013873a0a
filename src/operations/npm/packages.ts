// npm.packages: npm packages, globally or in a project directory.
import { NpmPackages } from "../../facts/npm.js";
import { shellQuote } from "../../util/shell-quote.js";
import { defineOperation } from "../operation.js";
import { optionalString, refuseOptionLike, rejectUnknown } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";
import { type PackageManagerCommands, type PackageSpec, withPackages } from "../shared/package-managers.js";
import { planToolPackages } from "../shared/tool-packages.js";

export const packages = defineOperation({
  name: "npm.packages",
  description:
    "Install, remove or update (latest) npm packages, globally or in a directory; name@version pins a version.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "present", "latest", "directory"], "npm.packages");
    const directory = optionalString(args, "directory");
    refuseOptionLike(directory, "directory", "give the project's directory.");
    return { ...readPackageList(args), directory };
  },
  facts: (args) => [{ fact: NpmPackages, args: args.directory === undefined ? {} : { directory: args.directory } }],
  plan: (args, facts) =>
    planToolPackages(
      args,
      facts.get(NpmPackages, args.directory === undefined ? {} : { directory: args.directory }),
      npmCommands(args.directory),
    ),
});

// "name@version" and "@scope/name@version"; after the "@" a source ("file:…", "git+https://…", a tag)
// is not a version: the package counts as installed when its name is.
export function splitNpmSpec(spec: string): PackageSpec {
  const at = spec.lastIndexOf("@");
  if (at <= 0) return { name: spec };
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  return /^\d[\w.+-]*$/.test(version) ? { name, version } : { name };
}

// npm install/uninstall/update, with -g or inside the directory.
function npmCommands(directory: string | undefined): PackageManagerCommands {
  const npm = (verb: string) =>
    directory === undefined ? `npm ${verb} -g` : `cd ${shellQuote(directory)} && npm ${verb}`;
  return {
    splitSpec: splitNpmSpec,
    install: (packages, extra) => withPackages(npm("install"), packages, extra),
    upgrade: (packages, extra) =>
      withPackages(
        npm("update"),
        packages.map((spec) => splitNpmSpec(spec).name),
        extra,
      ),
    remove: (packages, extra) =>
      withPackages(
        npm("uninstall"),
        packages.map((spec) => splitNpmSpec(spec).name),
        extra,
      ),
  };
}
