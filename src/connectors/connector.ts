// The one small interface every connector implements, and the options and results it speaks.

// How one command runs: as whom, where, with what environment.
export interface CommandOptions {
  // Run as root (or `sudoUser`) through sudo; `_sudo` / `_sudo_user` / `_sudo_password`.
  sudo?: boolean;
  sudoUser?: string;
  // Sent to sudo's prompt only when sudo asks; never on a command line.
  sudoPassword?: string;
  // sudo's `-i` (`_use_sudo_login`) and `-E` (`_preserve_sudo_env`).
  useSudoLogin?: boolean;
  preserveSudoEnv?: boolean;
  // Run as this user through `su` (inside sudo or doas when given too): `_su_user`, with `-l`
  // (`_use_su_login`), `-m` (`_preserve_su_env`) and `-s` (`_su_shell`).
  suUser?: string;
  useSuLogin?: boolean;
  preserveSuEnv?: boolean;
  suShell?: string;
  // Run through `doas -n` as root or `doasUser` (`_doas`, `_doas_user`).
  doas?: boolean;
  doasUser?: string;
  // The shell that runs the command (`_shell_executable`, default "sh"); null: none, the command
  // line is given as it is.
  shellExecutable?: string | null;
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  // The command reads what its caller pipes to it (a file's bytes); otherwise a command under a
  // sudo password reads /dev/null.
  keepStdin?: boolean;
  // Set by the connector itself: standard input starts with the sudo password (see shell.ts).
  passwordOnStdin?: "alone" | "then-input";
}

export interface RunOptions extends CommandOptions {
  // Kill the command after this long; the result then says `timedOut`.
  timeoutMs?: number;
  // Bytes for the command's standard input.
  stdin?: Buffer | string;
  // Output as it arrives (for live progress).
  onOutput?: (stream: "stdout" | "stderr", chunk: Buffer) => void;
}

export interface RunResult {
  // The command's exit code; non-zero is a result, not an exception.
  exitCode: number;
  stdout: string;
  stderr: string;
  // Set when the command was killed by `timeoutMs`.
  timedOut?: boolean;
}

export interface FileOptions {
  sudo?: boolean;
  sudoUser?: string;
  sudoPassword?: string;
  // Octal permission bits for a written file ("644"); else an existing file's mode is kept.
  mode?: string;
}

export interface DisconnectOptions {
  // Docker: commit the container to a new image before removing it (apply mode).
  commit?: boolean;
}

export interface DisconnectResult {
  // Docker: the id of the image committed from the container.
  image?: string;
}

export interface Connector {
  // The host name as the inventory gives it.
  readonly host: string;
  connect(): Promise<void>;
  run(command: string, options?: RunOptions): Promise<RunResult>;
  // The command line that runs `command` with these options inside a script given to run().
  wrapCommand(command: string, options: CommandOptions): string;
  putFile(remotePath: string, content: Buffer | string, options?: FileOptions): Promise<void>;
  getFile(remotePath: string, options?: FileOptions): Promise<Buffer>;
  disconnect(options?: DisconnectOptions): Promise<DisconnectResult>;
}

// Things a connector may need beyond the host's own data, given by the CLI or the action.
export interface ConnectContext {
  // Private keys held in memory (the action's `ssh-private-key` input); never written to disk.
  privateKeys?: readonly string[];
  // known_hosts lines held in memory (the action's `ssh-known-hosts` input).
  knownHosts?: string;
  // Home directory for ~/.ssh (defaults to the user's).
  homeDir?: string;
  // Non-fatal notices ("host key checking is off for web-01").
  warn?: (message: string) => void;
}
