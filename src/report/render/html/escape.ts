// HTML escaping for the one-file report. Log text is hostile input: everything that is not our
// own markup goes through `esc` (text and attribute values alike), and JSON embedded in a
// <script type="application/json"> block through `jsonForScript`, which cannot close the block.

const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => MAP[c]!);
}

/** JSON safe inside a <script> data block: no `<`, `>`, `&` or line separators survive literally. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}
