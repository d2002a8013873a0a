// When each stage of one host's run began and how long it took (connect, deploy code, facts, plan,
// apply), for the report's timing picture. A stage ends when the next one begins or the run ends it.
import type { HostPhase, HostPhaseName } from "../report/report.js";

export class HostTimeline {
  private readonly phases: Array<{ phase: HostPhaseName; at: number; ms?: number }> = [];

  constructor(
    private readonly now: () => number,
    // The run's start: phases are reported from it.
    private readonly origin: number,
  ) {}

  // Begins a stage, ending the one before it.
  begin(phase: HostPhaseName): void {
    this.end();
    this.phases.push({ phase, at: this.now() });
  }

  // Ends the open stage, if any.
  end(): void {
    const open = this.phases.at(-1);
    if (open && open.ms === undefined) open.ms = this.now() - open.at;
  }

  // The stages so far; an open one counts up to now.
  report(): HostPhase[] {
    return this.phases.map(({ phase, at, ms }) => ({
      phase,
      startMs: Math.max(0, Math.round(at - this.origin)),
      durationMs: Math.round(ms ?? this.now() - at),
    }));
  }
}
