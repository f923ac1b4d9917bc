// Owns the strict test that a text is a Cisco IOS crypto configuration: one of its defining
// top-level commands at the start of a line (no log line starts that way).
export function sniffCiscoIos(text: string): boolean {
  return /^crypto (?:isakmp policy \d|ikev2 proposal \S|ipsec transform-set \S)/m.test(text) || /^crypto map \S+ \d+ ipsec-isakmp\b/m.test(text);
}
