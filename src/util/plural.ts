// Counts as English reads them: "1 host", "2 hosts", "0 operations".

// "1 host", "3 hosts"; give the plural when it is not the word and an s ("1 match", "2 matches").
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
