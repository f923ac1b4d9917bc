// Ordering of texts in reports and rule loading: by UTF-16 code unit, the same on every machine.
// `localeCompare` follows the host's ICU locale (a report's order could change with LANG), and its
// first call builds a collator: 11 ms of a one-file analysis's start.

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
