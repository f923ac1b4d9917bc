// The prefix of a racoon2 header line — time stamp, resource id, the debris the grammar tolerates —
// found by one sticky pattern, so the tail after it can be looked up in the parse memo.

/**
 * Stamp, optional resource id with the debris the grammar tolerates, up to the `[` of the tag:
 * the same prefix the grammar's HEAD pattern accepts (tokens.ts), nothing more.
 */
const PREFIX = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[ \t]+(?:((?:vco|tun|iss|vpn)-[A-Za-z0-9*]+)[ \t*-]*)?(?=\[)/y;

/** Where the tail of a header line starts, and its resource id. */
export interface Prefix {
  /** -1 when the prefix is not plain (the line then goes through the grammar alone). */
  tailAt: number;
  resourceId: string | undefined;
}

const scratch: Prefix = { tailAt: -1, resourceId: undefined };

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Scans the prefix of `text` into a shared scratch object (read it before the next call). The
 * pattern is tested, not executed: a match array per line was the largest allocation after the
 * record. The usual layout — one space, the id, one space, `[` — gives the id by position; any
 * other (debris after the id, no id, tabs) is read from the match.
 */
export function scanPrefix(text: string): Prefix {
  PREFIX.lastIndex = 0;
  if (!PREFIX.test(text)) {
    scratch.tailAt = -1;
    scratch.resourceId = undefined;
    return scratch;
  }
  const tailAt = PREFIX.lastIndex;
  scratch.tailAt = tailAt;
  // An alphanumeric at 20 must start the id (one space after the stamp); one before the final
  // space must end it (debris is never alphanumeric).
  if (text.charCodeAt(tailAt - 1) === 32 && isAlnum(text.charCodeAt(tailAt - 2)) && isAlnum(text.charCodeAt(20))) {
    scratch.resourceId = text.slice(20, tailAt - 1);
  } else {
    PREFIX.lastIndex = 0;
    scratch.resourceId = PREFIX.exec(text)?.[1];
  }
  return scratch;
}
