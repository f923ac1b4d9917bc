// Report and rule-loading order is by code unit, whatever the host's locale (src/compare.ts).
import { describe, expect, it } from 'vitest';
import { compareText } from '../src/compare.js';

describe('compareText', () => {
  it('orders by UTF-16 code unit: digits, then upper case, then lower case', () => {
    expect(['b', 'a', 'B', '2', 'ä', 'A'].sort(compareText)).toEqual(['2', 'A', 'B', 'a', 'b', 'ä']);
    expect(['ikev2-auth-failed', 'ike-no-proposal', 'ike-dh-group-mismatch'].sort(compareText)).toEqual(['ike-dh-group-mismatch', 'ike-no-proposal', 'ikev2-auth-failed']);
    expect(compareText('2026-11-21T22:10:09Z', '2026-11-21T22:10:10Z')).toBeLessThan(0);
    expect(compareText('x', 'x')).toBe(0);
  });
});
