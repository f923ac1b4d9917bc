// Where a racoon2 message announces key material (`with key:`, `SKEYID computed:`, a PSK dump): the
// label whose value follows on this line or as a hex dump on the next ones.

const SECRET_HINT = /psk|PSK|key|KEY|Key|pre-shared|Pre-shared/;
const SECRET_DUMP = /\b(psk|pre-shared key|SKEYID\w*|key)\b[^:]*:\s*/i;

/** The key-material label of a message, or null. A cheap pre-test keeps the common line fast. */
export function secretLabel(message: string): RegExpExecArray | null {
  return SECRET_HINT.test(message) ? SECRET_DUMP.exec(message) : null;
}
