// Reads the apply script's markers as its output streams in: which operations began, ended (with
// their exit codes) or were skipped by `_if`, each one's own output (bounded), and whether the
// script started, finished or found the host locked. Everything is known even when the
// connection drops midway, and no amount of output exhausts memory.
import { StringDecoder } from "node:string_decoder";
import { BoundedOutput } from "../util/bounded-output.js";
import { applyMarkerPattern } from "./markers.js";

export interface OperationOutcome {
  status: "ok" | "failed" | "skipped";
  exitCode?: number;
  stdout: string;
  stderr: string;
}

// How much of one operation's output is kept: its first and its last bytes.
const keepHead = 256 * 1024;
const keepTail = 64 * 1024;
// A marker is shorter than this; output this close to the end may hold one not yet complete.
const markerRoom = 96;

type Stream = "stdout" | "stderr";

interface StreamState {
  decoder: StringDecoder;
  pending: string;
  // The operation whose output this is, between its begin and end markers.
  current?: number;
  // Output outside any operation (the runner's and the lock's messages).
  outside: BoundedOutput;
}

export class ApplyOutput {
  staged = false;
  done = false;
  locked = false;
  private readonly ended = new Map<number, number>();
  private readonly skipped = new Set<number>();
  private readonly outputs = new Map<number, Record<Stream, BoundedOutput>>();
  private readonly streams: Record<Stream, StreamState>;
  private readonly pattern: RegExp;

  constructor(
    nonce: string,
    private readonly on: { begin?(index: number): void; end?(index: number, exitCode: number): void } = {},
  ) {
    this.pattern = applyMarkerPattern(nonce);
    const state = (): StreamState => ({
      decoder: new StringDecoder("utf8"),
      pending: "",
      outside: new BoundedOutput(keepHead, keepTail),
    });
    this.streams = { stdout: state(), stderr: state() };
  }

  // Feeds a chunk of the script's output.
  push(stream: Stream, chunk: Buffer): void {
    const state = this.streams[stream];
    state.pending += state.decoder.write(chunk);
    this.scan(stream, false);
  }

  // The streams have ended with the script's exit code: what is still pending is plain output, and
  // the script finished only if it also exited 0 after its last marker.
  finish(exitCode: number): void {
    if (exitCode !== 0) this.done = false;
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.streams[stream];
      state.pending += state.decoder.end();
      this.scan(stream, true);
    }
  }

  // The operation's outcome, or undefined when it never began (or began and never ended).
  outcome(index: number): OperationOutcome | undefined {
    if (this.skipped.has(index)) return { status: "skipped", stdout: "", stderr: "" };
    const exitCode = this.ended.get(index);
    if (exitCode === undefined) return undefined;
    return { status: exitCode === 0 ? "ok" : "failed", exitCode, ...this.output(index) };
  }

  // What an operation printed so far (also for one that never ended).
  output(index: number): { stdout: string; stderr: string } {
    const kept = this.outputs.get(index);
    return { stdout: kept?.stdout.toString() ?? "", stderr: kept?.stderr.toString() ?? "" };
  }

  // What the script printed on stderr outside any operation (the runner's and the lock's words).
  outsideStderr(): string {
    return this.streams.stderr.outside.toString();
  }

  private scan(stream: Stream, final: boolean): void {
    const state = this.streams[stream];
    let last = 0;
    for (const match of state.pending.matchAll(this.pattern)) {
      this.append(stream, state.pending.slice(last, match.index));
      last = (match.index ?? 0) + match[0].length + 1;
      this.mark(stream, match);
    }
    const keepFrom = final ? state.pending.length : Math.max(last, state.pending.length - markerRoom);
    this.append(stream, state.pending.slice(last, keepFrom));
    state.pending = state.pending.slice(keepFrom);
  }

  private mark(stream: Stream, match: RegExpMatchArray): void {
    const state = this.streams[stream];
    const [, kind, begin, end, exitCode, skip] = match;
    if (begin !== undefined) {
      state.current = Number(begin);
      if (stream === "stdout") this.on.begin?.(state.current);
    } else if (end !== undefined) {
      state.current = undefined;
      if (stream === "stdout") {
        this.ended.set(Number(end), Number(exitCode));
        this.on.end?.(Number(end), Number(exitCode));
      }
    } else if (stream === "stdout") {
      if (skip !== undefined) this.skipped.add(Number(skip));
      else if (kind === "staged") this.staged = true;
      else if (kind === "done") this.done = true;
      else if (kind === "locked") this.locked = true;
    }
  }

  private append(stream: Stream, text: string): void {
    if (!text) return;
    const state = this.streams[stream];
    if (state.current === undefined) {
      state.outside.push(Buffer.from(text));
      return;
    }
    let kept = this.outputs.get(state.current);
    if (!kept) {
      kept = { stdout: new BoundedOutput(keepHead, keepTail), stderr: new BoundedOutput(keepHead, keepTail) };
      this.outputs.set(state.current, kept);
    }
    kept[stream].push(Buffer.from(text));
  }
}
