// The readable start of a damaged JSON text: an export cut short (a download interrupted, a
// gzip stream damaged) or altered in the middle keeps every complete value before the damage.
// The text is cut back to the last point where the open arrays and objects could be closed —
// after a complete element, before a comma, just inside an opener — and closed there.

/** The prefix of `text` (up to `end`) cut at its last safe point (`cut`) and closed, or undefined. */
export function closeJsonPrefix(text: string, end = text.length): { closed: string; cut: number } | undefined {
  // Closers of the open containers; their first `safeDepth` entries are those open at `safeAt`.
  const open: string[] = [];
  let inString = false;
  let escaped = false;
  let safeAt = -1;
  let safeDepth = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      open.push(c === 123 ? '}' : ']');
      safeAt = i + 1;
      safeDepth = open.length;
    } else if (c === 125 || c === 93) {
      open.pop();
      safeAt = i + 1;
      safeDepth = open.length;
    } else if (c === 44) {
      safeAt = i;
      safeDepth = open.length;
    }
  }
  if (safeAt < 0) return undefined;
  let closers = '';
  for (let d = safeDepth - 1; d >= 0; d--) closers += open[d];
  return { closed: text.slice(0, safeAt) + closers, cut: safeAt };
}

/**
 * Parses what can be read of a damaged JSON text: the longest safe prefix before `errorAt`
 * (where the parser stopped), backing off one safe point at a time if that still does not parse
 * (a key cut after its colon). Undefined when nothing before the damage is a usable document.
 */
export function salvageJson(text: string, errorAt: number): { value: unknown; readTo: number } | undefined {
  let end = Math.min(errorAt, text.length);
  for (let attempt = 0; attempt < 8 && end > 0; attempt++) {
    const prefix = closeJsonPrefix(text, end);
    if (prefix === undefined) return undefined;
    try {
      return { value: JSON.parse(prefix.closed), readTo: prefix.cut };
    } catch {
      end = prefix.cut - 1;
    }
  }
  return undefined;
}
