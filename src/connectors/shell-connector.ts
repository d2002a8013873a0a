// The part every connector shares: commands wrapped for env, cwd and sudo; sudo's password sent
// only when sudo prompts for it; timeouts; and file transfer through the shell.
import { randomBytes } from "node:crypto";
import { CommandError, SudoError } from "../errors.js";
import { BoundedOutput } from "../util/bounded-output.js";
import { shellQuote } from "../util/shell-quote.js";
import type {
  CommandOptions,
  Connector,
  DisconnectOptions,
  DisconnectResult,
  FileOptions,
  RunOptions,
  RunResult,
} from "./connector.js";
import { fileHeader, fileInstallScript } from "./file-install.js";
import { buildCommand } from "./shell.js";

// How much of each output stream a command keeps: its first and its last bytes.
const outputHeadBytes = 32 * 1024 * 1024;
const outputTailBytes = 1024 * 1024;

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

  // Runs a command and collects its output as bytes (bounded: the head and tail of each stream).
  //
  // With a sudo password, the command line first reads the password from its standard input into
  // an unexported shell variable, and every sudo inside gets it through a pipe of its own; the
  // commands themselves never see it, and standard input is closed once it is sent.
  protected async execute(command: string, options: RunOptions): Promise<Executed> {
    const sudoing = Boolean(options.sudo || options.sudoUser);
    const password = this.usesSudoPassword() ? options.sudoPassword : undefined;
    const { line: commandLine, spawn } = this.commandLine(command, {
      ...options,
      ...(password ? { passwordOnStdin: options.stdin === undefined ? "alone" : "then-input" } : {}),
    });
    const child = await this.spawn(commandLine, spawn);
    const stdout = new BoundedOutput(outputHeadBytes, outputTailBytes);
    const stderr = new BoundedOutput(outputHeadBytes, outputTailBytes);
    let timedOut = false;
    child.onStdout((chunk) => {
      stdout.push(chunk);
      options.onOutput?.("stdout", chunk);
    });
    child.onStderr((chunk) => {
      stderr.push(chunk);
      options.onOutput?.("stderr", chunk);
    });
    if (password) child.write(`${password}\n`);
    if (options.stdin !== undefined) child.write(options.stdin);
    child.end();
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
    const errText = stderr.toString();
    if (password && exitCode !== 0 && /^sudo: \d+ incorrect password attempts?$/m.test(errText)) {
      throw new SudoError(
        `${this.host}: sudo refused the password for ${options.sudoUser ?? "root"} (_sudo_password is wrong for this user).`,
        { host: this.host, exitCode, stderr: errText },
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
        { host: this.host, exitCode, stderr: errText },
      );
    }
    return {
      exitCode: timedOut ? 124 : exitCode,
      stdout: stdout.toBuffer(),
      stderr: stderr.toBuffer(),
      timedOut,
    };
  }

  // Whether sudo's password is sent to this connector's commands (Docker runs as a user natively).
  protected usesSudoPassword(): boolean {
    return true;
  }

  // Writes a file atomically (see file-install.ts): the bytes go on standard input straight to the
  // installer, which runs as the file's writer (through sudo when asked); nothing is staged elsewhere.
  async putFile(remotePath: string, content: Buffer | string, options: FileOptions = {}): Promise<void> {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    const tag = randomBytes(8).toString("hex");
    const script = fileInstallScript({ path: remotePath, ...(options.mode ? { mode: options.mode } : {}), tag });
    const sudo = { sudo: options.sudo, sudoUser: options.sudoUser, sudoPassword: options.sudoPassword };
    const stdin = Buffer.concat([Buffer.from(fileHeader(tag, bytes.length, undefined)), bytes]);
    await this.check(script, { ...sudo, stdin, keepStdin: true }, `write ${remotePath}`);
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
      throw new CommandError(`${this.host}: could not ${what}: ${reason}`, {
        host: this.host,
        exitCode: result.exitCode,
        stderr: result.stderr.toString("utf8"),
      });
    }
    return result;
  }
}
