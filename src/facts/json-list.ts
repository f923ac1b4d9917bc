// The lists peer catalogues write into event variables as JSON text (normalised proposals, diffs):
// read back leniently — a variable is text from a log, and anything but a list of objects is none.

/** The objects of a JSON list in `json` (an empty list for anything else). */
export function parseList(json: string | undefined): Record<string, string>[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Record<string, string>[]) : [];
  } catch {
    return [];
  }
}
