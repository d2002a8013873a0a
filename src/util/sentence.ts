// Messages joined into prose: each part ends with a full stop unless it already ends a sentence.

// "exit code 3: broken" → "exit code 3: broken."; "… `_sudo: true`?" stays as it is.
export function asSentence(message: string): string {
  return /[.!?]$/.test(message.trimEnd()) ? message.trimEnd() : `${message.trimEnd()}.`;
}

// A host's error when its plan stopped it: the reason, then that nothing was applied.
export function nothingApplied(reason: string): string {
  return `${asSentence(reason)} Nothing was applied on this host.`;
}
