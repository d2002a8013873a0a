// The action's secrets by name, for the redactor and the short-secret warning, and the values that
// key the plan digest.
import { MIN_SECRET_LENGTH, type NamedSecret } from "../report/redact.js";
import { encodeSecretForms } from "../report/secret-forms.js";
import type { ActionSettings } from "./settings.js";

// The secret inputs: each key of `secrets`, `ssh-private-key` and `github-token`.
export function readInputSecrets(settings: ActionSettings): NamedSecret[] {
  return [
    ...Object.entries(settings.secrets).map(([name, value]) => ({ name, value })),
    ...settings.sshPrivateKeys.map((value) => ({ name: "ssh-private-key", value })),
    { name: "github-token", value: settings.githubToken },
  ].filter((secret) => secret.value);
}

// Masks each secret in the runner's log, for what deploy code prints itself: each line of it and,
// from MIN_SECRET_LENGTH on, its encoded forms (a short value's forms would mask ordinary text).
export function maskSecrets(secrets: readonly NamedSecret[], setSecret: (value: string) => void): void {
  for (const { value } of secrets) {
    const forms = value.length >= MIN_SECRET_LENGTH ? encodeSecretForms(value) : [];
    const parts = new Set([...value.split(/\r?\n/).map((line) => line.trim()), ...forms]);
    for (const part of parts) if (part && !/[\r\n]/.test(part)) setSecret(part);
  }
}

// The values that key the plan digest: those a plan job and its apply job share. Not the GitHub
// token, new for every job (nor `github_token`, which `${{ toJSON(secrets) }}` carries).
export function selectDigestSecrets(settings: ActionSettings, hostSecrets: readonly NamedSecret[]): string[] {
  return [...readInputSecrets(settings), ...hostSecrets]
    .filter((secret) => secret.name.toLowerCase() !== "github_token")
    .filter((secret) => secret.value !== settings.githubToken)
    .map((secret) => secret.value);
}
