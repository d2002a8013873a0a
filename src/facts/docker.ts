// Facts about Docker on the host: `docker … inspect` JSON of every container, image, network, volume and
// plugin, of one of them by name, and `docker system info`. A host without docker (or whose daemon will
// not answer) gives "cannot tell" with docker's reason, never an empty list that would look like "none".
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, type FactOutput, type Unreadable, unreadable } from "./fact.js";
import { cannotRead } from "./stderr.js";

/** One object as `docker inspect` prints it (its fields as Docker names them: `Id`, `Name`, `Config`, …). */
export type DockerObject = Record<string, unknown>;

/** The kinds of Docker objects the facts inspect. */
export type DockerObjectKind = "container" | "image" | "network" | "volume" | "plugin";

// Docker's "it is not there" answers, across its versions: "No such container: x", "network x not found",
// "get x: no such volume", `plugin "x" not found`.
const saysNoSuchObject =
  /no such (container|image|network|volume|plugin|object)|^Error.*\b(network|plugin) \S+ not found/i;

// A JSON array of objects from docker's stdout, or null when the text is not one.
function parseArray(stdout: string): DockerObject[] | null {
  try {
    const value: unknown = JSON.parse(stdout);
    return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))
      ? (value as DockerObject[])
      : null;
  } catch {
    return null;
  }
}

// Whether every line of stderr says only that an object is gone (removed between listing and inspecting it).
function onlyMissingObjects(stderr: string): boolean {
  const said = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return said.length > 0 && said.every((line) => saysNoSuchObject.test(line));
}

// The list command for a kind: ids (full) one a line; volumes and plugins by name.
const listCommands: Record<DockerObjectKind, string> = {
  container: "docker container ls -qa --no-trunc",
  image: "docker image ls -q --no-trunc",
  network: "docker network ls -q --no-trunc",
  volume: "docker volume ls -q",
  plugin: "docker plugin ls -q --no-trunc",
};

// Inspects every object of a kind: `[]` when there is none; docker's failure (not installed, daemon down,
// socket permission) fails the command so that the fact says why.
function inspectAllCommand(kind: DockerObjectKind): string {
  // An image with several tags is listed once per tag: inspect each id once.
  const ids = kind === "image" ? `$(printf '%s\\n' $ids | sort -u)` : "$ids";
  return `ids=$(LC_ALL=C ${listCommands[kind]}) || exit $?; if [ -n "$ids" ]; then LC_ALL=C docker ${kind} inspect -- ${ids}; else echo '[]'; fi`;
}

// Reads inspect-all output: the list, also when objects went away between listing and inspecting them.
function parseAll(kind: DockerObjectKind, output: FactOutput): DockerObject[] | Unreadable {
  const list = parseArray(output.stdout);
  if (list && (output.exitCode === 0 || onlyMissingObjects(output.stderr))) return list;
  return unreadable(cannotRead(`the Docker ${kind}s`, output.stderr || output.stdout, "inspect"));
}

// A fact giving every object of a kind.
function allOf(kind: DockerObjectKind, name: string, description: string) {
  return defineFact<undefined, DockerObject[]>({
    name,
    description,
    arguments: {},
    command: () => inspectAllCommand(kind),
    parse: (output) => parseAll(kind, output),
  });
}

/** The arguments of the one-object Docker facts. */
export interface DockerObjectArgs {
  /** The object's name (an image's reference, `nginx:1.25`); an id works too. */
  object_id: string;
}

// Whether an inspected object is the one asked for by name, not one whose id merely starts with the name
// (docker inspect falls back to id prefixes: "cafe" would find a container whose id starts with cafe).
function isNamed(kind: DockerObjectKind, object: DockerObject, asked: string): boolean {
  const id = typeof object.Id === "string" ? object.Id : "";
  if (id === asked || id === `sha256:${asked}`) return true;
  if (kind === "container") return object.Name === `/${asked}`;
  if (kind === "network" || kind === "volume" || kind === "plugin") {
    if (object.Name === asked) return true;
    // A plugin is named with its tag ("vieux/sshfs:latest"); asked for without one, docker means :latest.
    return kind === "plugin" && object.Name === `${asked}:latest`;
  }
  // Images are found by reference (tag, digest) or id, never by a prefix of a name: any answer is it.
  return true;
}

// A fact giving one object of a kind by name: null when there is none.
function oneOf(kind: DockerObjectKind, name: string, description: string) {
  return defineFact<DockerObjectArgs, DockerObject | null>({
    name,
    description,
    arguments: {
      object_id: { type: "string", required: true, description: `the ${kind}'s name or id` },
    },
    command: ({ object_id }) => `LC_ALL=C docker ${kind} inspect -- ${shellQuote(object_id)}`,
    parse: (output, { object_id }) => {
      const list = parseArray(output.stdout);
      if (output.exitCode === 0 && list) {
        const found = list[0];
        return found && isNamed(kind, found, object_id) ? found : null;
      }
      if (list?.length === 0 && onlyMissingObjects(output.stderr)) return null;
      return unreadable(cannotRead(`the Docker ${kind} ${object_id}`, output.stderr || output.stdout, "inspect"));
    },
  });
}

/**
 * `docker system info` as JSON (`ServerVersion`, `Containers`, `Driver`, …).
 * `await host.getFact("DockerSystemInfo")`; no arguments.
 */
export const DockerSystemInfo = defineFact<undefined, DockerObject>({
  name: "DockerSystemInfo",
  description: "the Docker engine's system info (docker system info)",
  arguments: {},
  command: () => "LC_ALL=C docker system info --format '{{json .}}'",
  parse: (output) => {
    let info: DockerObject | undefined;
    try {
      const value: unknown = JSON.parse(output.stdout);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) info = value as DockerObject;
    } catch {
      // Not JSON: said below.
    }
    if (output.exitCode === 0 && info) return info;
    // With the daemon down, docker prints the client's half and the reason in ServerErrors.
    const serverErrors = Array.isArray(info?.ServerErrors) ? info.ServerErrors.join("\n") : "";
    return unreadable(cannotRead("the Docker system info", output.stderr || serverErrors || output.stdout));
  },
});

/**
 * The docker client's version line ("Docker version 27.3.1, build ce12230").
 * `await host.getFact("DockerVersion")`; no arguments.
 */
export const DockerVersion = defineFact<undefined, string>({
  name: "DockerVersion",
  description: "the docker client's version (docker --version)",
  arguments: {},
  command: () => "LC_ALL=C docker --version",
  parse: (output) =>
    output.exitCode === 0 && output.stdout.trim() !== ""
      ? output.stdout.trim()
      : unreadable(cannotRead("the docker version", output.stderr || output.stdout)),
});

/** Every container (running or not), as `docker container inspect` prints it. */
export const DockerContainers = allOf("container", "DockerContainers", "every Docker container (docker inspect)");
/** Every image, as `docker image inspect` prints it. */
export const DockerImages = allOf("image", "DockerImages", "every Docker image (docker inspect)");
/** Every network, as `docker network inspect` prints it. */
export const DockerNetworks = allOf("network", "DockerNetworks", "every Docker network (docker inspect)");
/** Every volume, as `docker volume inspect` prints it. */
export const DockerVolumes = allOf("volume", "DockerVolumes", "every Docker volume (docker inspect)");
/** Every plugin, as `docker plugin inspect` prints it. */
export const DockerPlugins = allOf("plugin", "DockerPlugins", "every Docker plugin (docker inspect)");

/** One container by name: `docker container inspect`'s object, or null. `{ object_id: "web" }`. */
export const DockerContainer = oneOf("container", "DockerContainer", "a Docker container by name, or null");
/** One image by reference: `docker image inspect`'s object, or null. `{ object_id: "nginx:1.25" }`. */
export const DockerImage = oneOf("image", "DockerImage", "a Docker image by reference, or null");
/** One network by name: `docker network inspect`'s object, or null. */
export const DockerNetwork = oneOf("network", "DockerNetwork", "a Docker network by name, or null");
/** One volume by name: `docker volume inspect`'s object, or null. */
export const DockerVolume = oneOf("volume", "DockerVolume", "a Docker volume by name, or null");
/** One plugin by name (or alias): `docker plugin inspect`'s object, or null. */
export const DockerPlugin = oneOf("plugin", "DockerPlugin", "a Docker plugin by name, or null");
