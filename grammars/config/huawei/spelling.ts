// How Huawei VRP and H3C Comware write an Alibaba algorithm value: read from the one spelling
// table (src/vocabulary/spellings.ts), under this dialect's two flavours.
import { deviceSpelling } from '../../../src/vocabulary/spellings.js';

export type HuaweiFlavour = 'vrp' | 'h3c';

/** The spelling of `value` (kind `kind`) for the flavour, or undefined when it has none. */
export function huaweiSpelling(flavour: HuaweiFlavour, kind: 'enc' | 'hash' | 'dh', value: string): string | undefined {
  return deviceSpelling(flavour === 'vrp' ? 'huawei' : 'h3c', kind, value);
}
