// The arguments runit operations share (service, svdir, sourcedir), and the commands they share.
import { posix } from "node:path";
import type { LinkInfo } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { OperationArgumentError, optionalString, requiredString } from "./args.js";
import { checkInitServiceName } from "./service-args.js";

// A runit service, its service directory (SVDIR) and where its definition lives.
export interface RunitPaths {
  service: string;
  svdir: string;
  sourcedir: string;
}

// An absolute directory argument with its default.
function directoryArg(args: Record<string, unknown>, key: string, fallback: string): string {
  const value = optionalString(args, key) ?? fallback;
  if (!posix.isAbsolute(value) || /[\r\n]/.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(value)} must be an absolute directory on the host, e.g. ${key}: "${fallback}".`,
    );
  return value.replace(/(.)\/+$/, "$1");
}

// Reads service, svdir (default /var/service) and sourcedir (default /etc/sv).
export function readRunitPaths(args: Record<string, unknown>): RunitPaths {
  const service = requiredString(args, "service");
  checkInitServiceName(service);
  return {
    service,
    svdir: directoryArg(args, "svdir", "/var/service"),
    sourcedir: directoryArg(args, "sourcedir", "/etc/sv"),
  };
}

// Where things are: the link runsvdir sees, the service's own directory, its down file.
export const linkPath = (p: RunitPaths) => `${p.svdir}/${p.service}`;
export const sourcePath = (p: RunitPaths) => `${p.sourcedir}/${p.service}`;
export const downPath = (p: RunitPaths) => `${p.sourcedir}/${p.service}/down`;

// The command that links the service into svdir (managed) or removes its link; null when already so.
export function manageCommand(p: RunitPaths, managed: boolean, link: LinkInfo | false | null): string | null {
  const path = shellQuote(linkPath(p));
  if (link === false)
    throw new OperationArgumentError(
      `${linkPath(p)} exists and is not a symbolic link: runit services are linked into ${p.svdir}; move it away first.`,
    );
  if (!managed) return link === null ? null : `rm -f -- ${path}`;
  return link?.link_target === sourcePath(p) ? null : `ln -sfn -- ${shellQuote(sourcePath(p))} ${path}`;
}

// The command that adds (auto false) or removes (auto true) the down file; null when already so.
export function autoCommand(p: RunitPaths, auto: boolean, down: boolean): string | null {
  if (auto === !down) return null;
  return auto ? `rm -f -- ${shellQuote(downPath(p))}` : `touch -- ${shellQuote(downPath(p))}`;
}

// Waits (at most 10 seconds; runsvdir looks for new services every 5) until runsv supervises a
// service just linked, so that sv can control it.
export function waitRunsvCommand(p: RunitPaths): string {
  const sv = `SVDIR=${shellQuote(p.svdir)} sv status ${shellQuote(p.service)} >/dev/null 2>&1`;
  return `i=0; until ${sv}; do i=$((i+1)); if [ $i -gt 10 ]; then echo ${shellQuote(`runsv did not pick up ${p.service} within 10 seconds: is runsvdir watching ${p.svdir}?`)} >&2; exit 1; fi; sleep 1; done`;
}
