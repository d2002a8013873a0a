// `@docker/IMAGE` (a new container from the image, removed afterwards; committed on apply) and
// `@docker/CONTAINER` (an existing running container, used in place), through the Docker API.
// A container it made is removed by disconnect(): the engine calls it in its finish stage, and on
// SIGINT/SIGTERM too (the faces abort the engine's signal).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { PassThrough, type Readable } from "node:stream";
import type Docker from "dockerode";
import { CommandError, ConnectError, notConnected } from "../errors.js";
import { shellQuote } from "../util/shell-quote.js";
import type { CommandOptions, DisconnectOptions, DisconnectResult, FileOptions, RunOptions } from "./connector.js";
import type { DataKeySpec } from "./data-keys.js";
import { buildCommand } from "./shell.js";
import { ShellConnector, type SpawnOptions, type StartedProcess } from "./shell-connector.js";

// The Docker connector reads no host data: the host name names the image or container.
export const dockerDataKeys: readonly DataKeySpec[] = [];

// Keeps a container alive doing nothing until it is removed.
const idleCommand = ["/bin/sh", "-c", "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"];

export class DockerConnector extends ShellConnector {
  private docker: Docker | undefined;
  private container: Docker.Container | undefined;
  // True when infra-action created the container (from an image) and so must remove it.
  private owned = false;
  // The image's own entrypoint and command, restored in a committed image (the container ran an idle loop).
  private imageStart: string[] = [];
  private readonly target: string;

  constructor(host: string) {
    super(host);
    this.target = host.replace(/^@docker\//, "");
  }

  async connect(): Promise<void> {
    const { default: Dockerode } = await import("dockerode");
    const docker = new Dockerode();
    this.docker = docker;
    try {
      await docker.ping();
    } catch (error) {
      const where = process.env.DOCKER_HOST ?? "/var/run/docker.sock";
      throw new ConnectError(
        `${this.host}: cannot reach the Docker engine at ${where} (${(error as Error).message}). Start Docker (dockerd) or point DOCKER_HOST at it.`,
      );
    }
    const existing = await inspectOrUndefined(docker.getContainer(this.target));
    if (existing) {
      if (!existing.State.Running) {
        throw new ConnectError(
          `${this.host}: container ${this.target} exists but is not running; start it (docker start ${this.target}).`,
        );
      }
      this.container = docker.getContainer(existing.Id);
      return;
    }
    const config = (await this.ensureImage(docker)).Config;
    const entrypoint = asList(config?.Entrypoint);
    const cmd = asList(config?.Cmd);
    // A commit keeps the container's start command unless told otherwise (an empty change is ignored).
    this.imageStart = [
      ...(entrypoint.length ? [`ENTRYPOINT ${JSON.stringify(entrypoint)}`] : []),
      ...(cmd.length ? [`CMD ${JSON.stringify(cmd)}`] : []),
    ];
    const container = await docker.createContainer({
      Image: this.target,
      ...(entrypoint.length ? { Entrypoint: [] } : {}),
      Cmd: idleCommand,
      Labels: { "infra-action": "deploy" },
      // The host's network: infra-action never sends traffic to Docker's bridge addresses.
      HostConfig: { NetworkMode: "host" },
    });
    this.container = container;
    this.owned = true;
    try {
      await container.start();
    } catch (error) {
      await this.disconnect();
      throw new ConnectError(
        `${this.host}: could not start a container from ${this.target}: ${(error as Error).message}`,
      );
    }
  }

  // Commits (on apply) and removes a container infra-action created; leaves an existing one running.
  async disconnect(options: DisconnectOptions = {}): Promise<DisconnectResult> {
    const container = this.container;
    this.container = undefined;
    if (!container || !this.owned) return {};
    try {
      if (options.commit) {
        const committed = (await container.commit({
          comment: `infra-action apply on ${this.host}`,
          changes: this.imageStart,
        })) as { Id: string };
        return { image: committed.Id };
      }
      return {};
    } finally {
      await removeContainer(container);
    }
  }

  // Docker runs commands as a user natively: sudo becomes the exec's user, no sudo binary needed.
  protected override commandLine(command: string, options: RunOptions): { line: string; spawn: SpawnOptions } {
    const user = options.sudoUser ?? (options.sudo ? "root" : undefined);
    return { line: buildCommand(command, withoutSudo(options)), spawn: user ? { user } : {} };
  }

  // Commands run as their user through the exec itself: no sudo, so no sudo password.
  protected override usesSudoPassword(): boolean {
    return false;
  }

  // Inside a script: root needs nothing (exec runs as the container's user, root in most images);
  // another user is reached with su.
  override wrapCommand(command: string, options: CommandOptions): string {
    const line = buildCommand(command, withoutSudo(options));
    const user = options.sudoUser;
    return user && user !== "root" ? `su -s /bin/sh ${shellQuote(user)} -c ${shellQuote(line)}` : line;
  }

  protected async spawn(commandLine: string, options: SpawnOptions): Promise<StartedProcess> {
    const { docker, container } = this.connected();
    const exec = await container.exec({
      Cmd: ["/bin/sh", "-c", commandLine],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      ...(options.user ? { User: options.user } : {}),
    });
    const stream = (await exec.start({ hijack: true, stdin: true })) as unknown as NodeJS.ReadWriteStream & Readable;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    docker.modem.demuxStream(stream, stdout, stderr);
    let killed = false;
    const done = new Promise<number>((resolve, reject) => {
      stream.on("error", (error) =>
        killed ? resolve(137) : reject(new CommandError(`${this.host}: ${error.message}`, { host: this.host })),
      );
      stream.on("close", async () => {
        if (killed) return resolve(137);
        try {
          const info = await exec.inspect();
          resolve(info.ExitCode ?? 255);
        } catch (error) {
          reject(
            new CommandError(`${this.host}: lost the command's exit code: ${(error as Error).message}`, {
              host: this.host,
            }),
          );
        }
      });
    });
    return {
      write: (data) => void stream.write(data),
      end: () => (stream as unknown as { end(): void }).end(),
      kill: () => {
        killed = true;
        void exec.inspect().then(
          (info) => killProcessTree(info.Pid),
          () => undefined,
        );
        stream.destroy();
      },
      onStdout: (listener) => void stdout.on("data", listener),
      onStderr: (listener) => void stderr.on("data", listener),
      done,
    };
  }

  // Writes a file through the archive API (a one-file tar), then hands it to the sudo user if any.
  override async putFile(remotePath: string, content: Buffer | string, options: FileOptions = {}): Promise<void> {
    const { container } = this.connected();
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    const mode = options.mode ?? (await this.run(`stat -c %a ${shellQuote(remotePath)} 2>/dev/null`)).stdout.trim();
    const { pack } = await import("tar-stream");
    const archive = pack();
    archive.entry(
      { name: posix.basename(remotePath), size: bytes.length, mode: Number.parseInt(mode || "644", 8), uid: 0, gid: 0 },
      bytes,
    );
    archive.finalize();
    try {
      await container.putArchive(archive as unknown as NodeJS.ReadableStream, { path: posix.dirname(remotePath) });
    } catch (error) {
      throw new CommandError(`${this.host}: could not write ${remotePath}: ${dockerMessage(error)}`, {
        host: this.host,
      });
    }
    if (options.sudoUser && options.sudoUser !== "root") {
      await this.check(
        `chown ${shellQuote(options.sudoUser)} ${shellQuote(remotePath)}`,
        { sudo: true },
        `hand ${remotePath} to ${options.sudoUser}`,
      );
    }
  }

  // Reads a file through the archive API.
  override async getFile(remotePath: string): Promise<Buffer> {
    const { container } = this.connected();
    let tar: NodeJS.ReadableStream;
    try {
      tar = await container.getArchive({ path: remotePath });
    } catch (error) {
      throw new CommandError(`${this.host}: could not read ${remotePath}: ${dockerMessage(error)}`, {
        host: this.host,
      });
    }
    const { extract } = await import("tar-stream");
    const entries = extract();
    const chunks: Buffer[] = [];
    let found = false;
    await new Promise<void>((resolve, reject) => {
      entries.on("entry", (header, body, next) => {
        if (!found && header.type === "file") {
          found = true;
          body.on("data", (chunk: unknown) => void chunks.push(chunk as Buffer));
        } else body.resume();
        body.on("end", next);
      });
      entries.on("finish", resolve);
      entries.on("error", reject);
      tar.pipe(entries);
    });
    if (!found)
      throw new CommandError(`${this.host}: could not read ${remotePath}: it is not a regular file.`, {
        host: this.host,
      });
    return Buffer.concat(chunks);
  }

  private connected(): { docker: Docker; container: Docker.Container } {
    if (!this.docker || !this.container) throw notConnected(this.host);
    return { docker: this.docker, container: this.container };
  }

  // Uses a local image, else pulls it; a failed pull is a clear error.
  private async ensureImage(docker: Docker): Promise<Docker.ImageInspectInfo> {
    const local = await inspectOrUndefined(docker.getImage(this.target));
    if (local) return local;
    try {
      const progress = await docker.pull(this.target);
      await new Promise<void>((resolve, reject) =>
        docker.modem.followProgress(progress, (error: Error | null) => (error ? reject(error) : resolve())),
      );
      return await docker.getImage(this.target).inspect();
    } catch (error) {
      throw new ConnectError(
        `${this.host}: no container or image named ${this.target} here, and pulling the image failed: ${dockerMessage(error)}. Build, load or pull it first (docker build / docker load / docker import), or check the name.`,
      );
    }
  }
}

function asList(value: string | string[] | null | undefined): string[] {
  return value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
}

async function inspectOrUndefined<R>(thing: { inspect(): Promise<R> }): Promise<R | undefined> {
  try {
    return await thing.inspect();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw new ConnectError(`Docker: ${dockerMessage(error)}`);
  }
}

async function removeContainer(container: Docker.Container): Promise<void> {
  try {
    await container.remove({ force: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

function dockerMessage(error: unknown): string {
  const e = error as { json?: { message?: string }; reason?: string; message?: string };
  return (e.json?.message ?? e.message ?? String(error)).trim();
}

// Kills a process and its descendants by host PID (a local Docker engine's exec processes are
// visible here); a remote engine's are not, and then only the stream is closed.
function killProcessTree(pid: number | undefined): void {
  if (!pid || !existsSync(`/proc/${pid}`)) return;
  for (const child of childrenOf(pid)) killProcessTree(child);
  try {
    process.kill(pid, "SIGKILL");
  } catch {}
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

// A command's options with sudo taken out (the exec's user stands for it); su, doas, the shell,
// environment and directory stay.
function withoutSudo(options: CommandOptions): CommandOptions {
  const { sudo: _sudo, sudoUser: _user, sudoPassword: _password, passwordOnStdin: _stdin, ...rest } = options;
  return rest;
}
