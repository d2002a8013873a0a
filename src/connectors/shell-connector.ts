// The part every connector shares: commands wrapped for env, cwd and sudo; sudo's password sent
// only when sudo prompts for it; timeouts; and file transfer through the shell.
import { randomBytes } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { CommandError, SudoError } from "../errors.js";
import type {
  CommandOptions,
  Connector,
  DisconnectOptions,
  DisconnectResult,
  FileOptions,
  RunOptions,
  RunResult,
} from "./connector.js";
import { buildCommand, shellQuote, sudoPrompt } from "./shell.js";

// A started remote (or local) process, as a transport gives it.
export interface StartedProcess {
  write(data: Buffer | string): void;
  end(): void;
  // Stops the command (and what it started) as far as the transport can.
  kill(): void;
  onStdout(listener: (chunk: Buffer) => void): void;
  onStderr(listener: (chunk: Buffer) => void): void;
  // Settles with the exit code when the process ends; rejects when the transport is lost.
  readonly done: Promise<number>;
}

export interface SpawnOptions {
  // Docker runs commands as a user natively instead of through sudo.
  user?: string;
}

export interface Executed {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
  timedOut: boolean;
}

// Base of the SSH, local and Docker connectors: subclasses start processes, this does the rest.
export abstract class ShellConnector implements Connector {
  constructor(readonly host: string) {}

  abstract connect(): Promise<void>;
  abstract disconnect(options?: DisconnectOptions): Promise<DisconnectResult>;
  protected abstract spawn(commandLine: string, options: SpawnOptions): Promise<StartedProcess>;

  // The command line for a command: quoted, with cwd, env and sudo. Docker overrides the sudo part.
  protected commandLine(command: string, options: RunOptions): { line: string; spawn: SpawnOptions } {
    return { line: this.wrapCommand(command, options), spawn: {} };
  }

  // A command wrapped for cwd, env and sudo, to run inside a larger script (facts, apply).
  wrapCommand(command: string, options: CommandOptions): string {
    const sudoWithPassword = Boolean(options.sudoPassword) && Boolean(options.sudo || options.sudoUser);
    return buildCommand(command, { ...options, sudoWithPassword });
  }

  async run(command: string, options: RunOptions = {}): Promise<RunResult> {
    const result = await this.execute(command, options);
    return {
      exitCode: result.exitCode,
      stdout: result.stdout.toString("utf8"),
      stderr: result.stderr.toString("utf8"),
      ...(result.timedOut ? { timedOut: true } : {}),
    };
  }

  // Runs a command and collects its output as bytes.
  protected async execute(command: string, options: RunOptions): Promise<Executed> {
    const { line, spawn } = this.commandLine(command, options);
    const sudoing = Boolean(options.sudo || options.sudoUser);
    // A script may hold several sudo calls: the password answers each of sudo's prompts.
    const password = spawn.user ? undefined : options.sudoPassword;
    if (password && options.stdin !== undefined) {
      throw new Error("internal: standard input and a sudo password cannot share one command");
    }
    const child = await this.spawn(line, spawn);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let wrongPassword = false;
    let timedOut = false;
    child.onStdout((chunk) => {
      stdout.push(chunk);
      options.onOutput?.("stdout", chunk);
    });
    // With a password: stderr so far as text, and where the search for sudo's next prompt resumes.
    const decoder = new StringDecoder("utf8");
    let promptText = "";
    let searchFrom = 0;
    child.onStderr((chunk) => {
      stderr.push(chunk);
      if (password) {
        promptText += decoder.write(chunk);
        let newPrompt = false;
        for (
          let at = promptText.indexOf(sudoPrompt, searchFrom);
          at !== -1;
          at = promptText.indexOf(sudoPrompt, searchFrom)
        ) {
          searchFrom = at + sudoPrompt.length;
          newPrompt = true;
        }
        if (newPrompt) {
          // sudo says "Sorry, try again." before asking again for a wrong password.
          if (/Sorry, try again/.test(promptText)) {
            wrongPassword = true;
            child.kill();
          } else child.write(`${password}\n`);
        }
        options.onOutput?.("stderr", Buffer.from(chunk.toString("utf8").split(sudoPrompt).join("")));
        return;
      }
      options.onOutput?.("stderr", chunk);
    });
    if (options.stdin !== undefined) child.write(options.stdin);
    if (!password) child.end();
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill();
        }, options.timeoutMs)
      : undefined;
    let exitCode: number;
    try {
      exitCode = await child.done;
    } finally {
      clearTimeout(timer);
    }
    const errText = Buffer.concat(stderr).toString("utf8");
    if (wrongPassword || /incorrect password attempt/.test(errText)) {
      throw new SudoError(
        `${this.host}: sudo refused the password for ${options.sudoUser ?? "root"} (_sudo_password is wrong for this user).`,
      );
    }
    if (
      sudoing &&
      !password &&
      exitCode === 1 &&
      /^sudo: (a password is required|a terminal is required)/m.test(errText)
    ) {
      throw new SudoError(
        `${this.host}: sudo wants a password to run as ${options.sudoUser ?? "root"} and none was given. Set _sudo_password (as an operation argument or host data), or allow this user NOPASSWD in sudoers.`,
      );
    }
    return {
      exitCode: timedOut ? 124 : exitCode,
      stdout: Buffer.concat(stdout),
      stderr: password ? Buffer.from(errText.split(sudoPrompt).join("")) : Buffer.concat(stderr),
      timedOut,
    };
  }

  // Writes a file atomically (temporary file, then rename). With sudo, the bytes first land in a
  // private temporary file as the connecting user, then sudo moves them into place.
  async putFile(remotePath: string, content: Buffer | string, options: FileOptions = {}): Promise<void> {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    const sudo = { sudo: options.sudo, sudoUser: options.sudoUser, sudoPassword: options.sudoPassword };
    if (!options.sudo && !options.sudoUser) {
      await this.check(installScript(remotePath, "cat", options.mode), { stdin: bytes }, `write ${remotePath}`);
      return;
    }
    const upload = `/tmp/.infra-action-${randomBytes(8).toString("hex")}`;
    await this.check(`umask 077 && cat > ${shellQuote(upload)}`, { stdin: bytes }, `upload ${remotePath}`);
    try {
      await this.check(
        installScript(remotePath, `cat ${shellQuote(upload)}`, options.mode),
        sudo,
        `write ${remotePath}`,
      );
    } finally {
      await this.run(`rm -f ${shellQuote(upload)}`).catch(() => undefined);
    }
  }

  async getFile(remotePath: string, options: FileOptions = {}): Promise<Buffer> {
    const sudo = { sudo: options.sudo, sudoUser: options.sudoUser, sudoPassword: options.sudoPassword };
    return (await this.check(`cat -- ${shellQuote(remotePath)}`, sudo, `read ${remotePath}`)).stdout;
  }

  // Runs a command that must succeed; its failure is a CommandError quoting stderr.
  protected async check(command: string, options: RunOptions, what: string): Promise<Executed> {
    const result = await this.execute(command, options);
    if (result.exitCode !== 0) {
      const reason = result.stderr.toString("utf8").trim() || `exit code ${result.exitCode}`;
      throw new CommandError(`${this.host}: could not ${what}: ${reason}`);
    }
    return result;
  }
}

// A shell script that writes stdin-or-source to `dest` through a temporary file beside it, keeps
// an existing file's mode unless one is given, and renames into place.
function installScript(dest: string, source: string, mode: string | undefined): string {
  if (mode !== undefined && !/^[0-7]{3,4}$/.test(mode))
    throw new CommandError(`mode ${JSON.stringify(mode)} is not octal (e.g. "644").`);
  const d = shellQuote(dest);
  const chmod = mode
    ? `chmod ${mode} "$tmp"`
    : `if [ -e ${d} ]; then chmod "$(stat -c %a ${d})" "$tmp"; else chmod "$(printf '%o' $((0666 & ~0$(umask))))" "$tmp"; fi`;
  return [
    "set -e",
    `tmp=$(mktemp "$(dirname ${d})/.infra-action.XXXXXX")`,
    `trap 'rm -f "$tmp"' EXIT`,
    `${source} > "$tmp"`,
    chmod,
    `mv -f "$tmp" ${d}`,
    "trap - EXIT",
  ].join("\n");
}
