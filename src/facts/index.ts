// Every fact by its pyinfra name, for host.getFact and `infra-action fact`.
import type { Fact } from "./fact.js";
import * as files from "./files.js";
import * as packages from "./packages.js";
import { SameFile } from "./same-file.js";
import * as server from "./server.js";
import * as services from "./services.js";

export const facts = {
  Os: server.Os,
  Kernel: server.Kernel,
  KernelVersion: server.KernelVersion,
  Arch: server.Arch,
  Hostname: server.Hostname,
  LinuxDistribution: server.LinuxDistribution,
  Users: server.Users,
  Groups: server.Groups,
  Which: server.Which,
  Command: server.Command,
  Home: server.Home,
  Sysctl: server.Sysctl,
  Mounts: server.Mounts,
  Crontab: server.Crontab,
  File: files.File,
  Directory: files.Directory,
  Link: files.Link,
  Sha256File: files.Sha256File,
  FindInFile: files.FindInFile,
  FileContents: files.FileContents,
  DirectoryEntries: files.DirectoryEntries,
  DirectoryHashes: files.DirectoryHashes,
  SameFile,
  DebPackages: packages.DebPackages,
  RpmPackages: packages.RpmPackages,
  ApkPackages: packages.ApkPackages,
  PipPackages: packages.PipPackages,
  PackageManager: packages.PackageManager,
  AptListsAge: packages.AptListsAge,
  AptUpgradable: packages.AptUpgradable,
  SystemdStatus: services.SystemdStatus,
  SystemdEnabled: services.SystemdEnabled,
  GitBranch: services.GitBranch,
  GitRepo: services.GitRepo,
  GitConfig: services.GitConfig,
  InitdRunning: services.InitdRunning,
  ListeningPorts: services.ListeningPorts,
} as const;

export type Facts = typeof facts;
export type FactName = keyof Facts;
// The arguments a fact takes (undefined for none).
export type FactArgs<K extends FactName> = Facts[K] extends Fact<infer A, unknown> ? A : never;
// What a fact gives.
export type FactResult<K extends FactName> = Facts[K] extends Fact<never, infer R> ? R : never;

// The fact of a name, or undefined.
export function factByName(name: string): Fact<unknown, unknown> | undefined {
  return (facts as Record<string, Fact<unknown, unknown>>)[name];
}
