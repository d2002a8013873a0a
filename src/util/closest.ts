// Suggests the closest known name for a misspelt one ("load_balancer" → "load_balancers").

// The candidate nearest to `name` by edit distance, if it is near enough to be a likely typo.
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // A name cut short, give or take its last letters ("LinuxDistro"), means the one candidate it starts.
  const lower = name.toLowerCase();
  const started = lower.length >= 4 ? list.filter((c) => sharedPrefix(lower, c.toLowerCase()) >= lower.length - 2) : [];
  if (started.length === 1) return started[0];
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of list) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

// Levenshtein distance: insertions, deletions and substitutions each cost one.
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
