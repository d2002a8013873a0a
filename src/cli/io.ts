// The CLI's side effects, passed in so tests can capture them.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

// Writes to the process's own streams.
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
