// The API's key spelling. The API and the aliyun CLI print PascalCase keys (`VpnConnections`,
// `FailedReasonCode`); the SDK's model objects serialised as they are (`JSON.stringify(res.body)`
// in a support tool) print camelCase (`vpnConnections`, `failedReasonCode`). A response in camelCase
// is re-keyed once, so every reader of api-documents.ts asks for one spelling (a problem's JSON
// pointer then names the keys in the API's spelling).

/** Responses nest a few levels; a hostile document is not followed further. */
const MAX_DEPTH = 32;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys with an inner capital and none with a leading one: the SDK's models. */
function camelKeyed(o: Obj): boolean {
  let camel = false;
  for (const k in o) {
    const c = k.charCodeAt(0);
    if (c >= 65 && c <= 90) return false;
    if (c >= 97 && c <= 122 && /[A-Z]/.test(k)) camel = true;
  }
  return camel;
}

function pascal(v: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => pascal(x, depth + 1));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) out[k.charAt(0).toUpperCase() + k.slice(1)] = pascal(x, depth + 1);
  return out;
}

/** The response with the API's PascalCase keys: itself when it has them, re-keyed when it is an SDK model's camelCase. */
export function apiKeyed(v: unknown): unknown {
  return isObj(v) && camelKeyed(v) ? pascal(v, 0) : v;
}
