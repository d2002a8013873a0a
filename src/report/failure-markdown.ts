// The job summary and sticky comment of a run that failed before it could plan or finish: what failed,
// for which commit, that no plan is shown (and that an earlier plan in the comment is out of date).
import { escapeHtml } from "./markdown.js";

// Most characters of the error shown.
const messageLimit = 20_000;

export interface FailureView {
  title: string;
  // How far the run got: "setup" (before planning), else it failed before it finished.
  stage: "setup" | "planning" | "reporting";
  // The inventory's hosts, once loaded: their state is not known.
  hosts?: string[];
  // The commit the run was for, and a link to it.
  commit?: { sha: string; url?: string };
  runUrl: string;
  // For the sticky comment: say that an earlier plan there is out of date.
  forComment: boolean;
}

// Renders the failure; `message` is already redacted.
export function renderFailureMarkdown(message: string, view: FailureView): string {
  const short = view.commit ? `\`${view.commit.sha.slice(0, 7)}\`` : undefined;
  const linked = short && view.commit?.url ? `[${short}](${view.commit.url})` : short;
  const run = linked ? `The run for commit ${linked}` : "The run";
  const when = view.stage === "setup" ? "failed before it could plan" : "failed before it finished";
  const stale = view.forComment ? " Any earlier plan in this comment is out of date." : "";
  const shown = message.length > messageLimit ? `${message.slice(0, messageLimit)}… (cut; see the log)` : message;
  const hosts = view.hosts?.length
    ? [`Hosts: ${view.hosts.map((h) => `\`${escapeHtml(h)}\``).join(", ")} — their state is not known.`, ""]
    : [];
  return [
    `### ❌ ${escapeHtml(view.title)}`,
    "",
    "> [!CAUTION]",
    `> ${run} ${when}. No plan is shown.${stale}`,
    "",
    `<pre>${escapeHtml(shown)}</pre>`,
    "",
    ...hosts,
    `See the [run's log](${view.runUrl}).`,
    "",
  ].join("\n");
}
