// One fingerprint of a line's text for the facts' sets (a SourceLog line already read, a line
// another input held): FNV-1a over UTF-16 code units.

export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Signed: a 32-bit integer stays a small integer in a set, where an unsigned one above 2^31
  // would be a heap number of its own.
  return h | 0;
}
