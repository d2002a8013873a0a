// The action's secrets by name, for the redactor and the short-secret warning, and the values that
// key the plan digest.
import type { NamedSecret } from "../report/redact.js";
import type { ActionSettings } from "./settings.js";

// The secret inputs: each key of `secrets`, `ssh-private-key` and `github-token`.
export function readInputSecrets(settings: ActionSettings): NamedSecret[] {
  return [
    ...Object.entries(settings.secrets).map(([name, value]) => ({ name, value })),
    ...settings.sshPrivateKeys.map((value) => ({ name: "ssh-private-key", value })),
    { name: "github-token", value: settings.githubToken },
  ].filter((secret) => secret.value);
}

// The values that key the plan digest: those a plan job and its apply job share. Not the GitHub
// token, new for every job (nor `github_token`, which `${{ toJSON(secrets) }}` carries).
export function selectDigestSecrets(settings: ActionSettings, hostSecrets: readonly NamedSecret[]): string[] {
  return [...readInputSecrets(settings), ...hostSecrets]
    .filter((secret) => secret.name !== "github-token" && secret.name.toLowerCase() !== "github_token")
    .filter((secret) => secret.value !== settings.githubToken)
    .map((secret) => secret.value);
}
