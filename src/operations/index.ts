// Every operation, by family, as deploy files call them (apt.packages, files.template, …).
import * as apk from "./apk/index.js";
import * as apt from "./apt/index.js";
import * as dnf from "./dnf/index.js";
import * as docker from "./docker/index.js";
import * as files from "./files/index.js";
import * as git from "./git/index.js";
import * as mysql from "./mysql/index.js";
import type { OperationDefinition } from "./operation.js";
import * as pacman from "./pacman/index.js";
import * as pip from "./pip/index.js";
import * as server from "./server/index.js";
import * as systemd from "./systemd/index.js";
import * as yum from "./yum/index.js";
import * as zypper from "./zypper/index.js";

// The families, each listing its operations by the name deploy files call them by.
export const operationFamilies = {
  server,
  apt,
  dnf,
  yum,
  apk,
  pacman,
  zypper,
  files,
  git,
  pip,
  systemd,
  docker,
  mysql,
} as const;

export type OperationFamilies = typeof operationFamilies;

// Every operation by its full name ("apt.packages").
export const operationsByName: Record<string, OperationDefinition<unknown, unknown>> = Object.fromEntries(
  Object.values(operationFamilies).flatMap((family) =>
    Object.values(family).map((op) => [op.name, op as unknown as OperationDefinition<unknown, unknown>]),
  ),
);
