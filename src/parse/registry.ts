// The grammars the line parser tries, most common first. Peer dialects keep a little per-source
// state in their catalogues, so every analysis run gets its own instances.
import type { Dialect } from './dialect.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { createLibreswanDialect } from '../../grammars/libreswan/index.js';
import { racoonDialect } from '../../grammars/racoon/index.js';
import { createFortigateDialect } from '../../grammars/fortigate/index.js';
import { createCiscoDialect } from '../../grammars/cisco/index.js';
import { createHuaweiDialect } from '../../grammars/huawei/index.js';
import { juniperDialect } from '../../grammars/juniper/index.js';
import { createPanosDialect } from '../../grammars/panos/index.js';
import { createAzureDialect } from '../../grammars/azure/index.js';
import { checkpointDialect } from '../../grammars/checkpoint/index.js';
import { racoon2MessageDialect } from '../../grammars/racoon2/message-only.js';
import { awsDialect } from '../../grammars/aws/index.js';
import { tencentDialect } from '../../grammars/tencent/index.js';
import { windowsDialect } from '../../grammars/windows/index.js';

export function createDialects(): Dialect[] {
  // racoon before Libreswan: `2006-08-10 19:22:40: INFO: …` would also fit pluto's `stamp: message`.
  // FortiGate last: its shapes (`ike N:…`, `logid=…`, CSV rows with a VPN log id) are no other
  // dialect's, and a line they all refuse is the only one it is asked about first. Cisco and
  // Huawei/H3C after it, for the same reason: their shapes (`%ASA-5-713…`, `ISAKMP (0): …`,
  // `%%01IKE/…`, `IPSec tunnel negotiation fails`) belong to no other dialect. Juniper last: a
  // `kmd` line is no one else's, an `iked` one only with a Junos message. A gateway message quoted
  // alone (no time, no tag) comes after all of them: it is asked about only lines no frame claims.
  // AWS (CloudWatch records, its table's sentences), Tencent Cloud (`IKE_NEGO:` tags) and Windows
  // (RasClient sentences, Format-List event fields) before it.
  return [racoon2Dialect, createStrongswanDialect(), racoonDialect, createLibreswanDialect(), createFortigateDialect(), createCiscoDialect(), createHuaweiDialect(), juniperDialect, createPanosDialect(), createAzureDialect(), checkpointDialect, awsDialect, tencentDialect, windowsDialect, racoon2MessageDialect];
}

/** Shared instances for callers that parse one source at a time (tests, tools). */
export const DIALECTS: readonly Dialect[] = createDialects();
