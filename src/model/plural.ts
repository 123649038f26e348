// "1 problem", "2 problems": every count adrlint prints in words.
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
