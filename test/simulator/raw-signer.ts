// An independent ACS3-HMAC-SHA256 signer written from the published algorithm (not the SDK, not
// the simulator), so that tests can send hand-made and deliberately broken requests over HTTP.
import { createHash, createHmac, randomUUID } from 'node:crypto';

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface RawCall {
  action: string;
  params: Record<string, string>;
  keyId: string;
  secret: string;
  version?: string;
  date?: string;
  nonce?: string;
  /** Mutates the request after signing (tampering tests). */
  tamper?: (r: { query: Record<string, string>; headers: Record<string, string> }) => void;
  signed?: (headers: string[]) => string[];
}

export async function rawCall(base: string, c: RawCall): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(base);
  const headers: Record<string, string> = {
    host: url.host,
    'x-acs-action': c.action,
    'x-acs-version': c.version ?? '2016-04-28',
    'x-acs-date': c.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    'x-acs-signature-nonce': c.nonce ?? randomUUID(),
    'x-acs-content-sha256': sha(''),
  };
  const query = { ...c.params };
  const names = (c.signed ?? ((h) => h))(Object.keys(headers).sort());
  const canonical = [
    'POST', '/',
    Object.keys(query).sort().map((k) => `${enc(k)}=${enc(query[k]!)}`).join('&'),
    names.map((h) => `${h}:${headers[h]!.trim()}\n`).join(''),
    names.join(';'),
    sha(''),
  ].join('\n');
  const signature = createHmac('sha256', c.secret).update(`ACS3-HMAC-SHA256\n${sha(canonical)}`).digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${c.keyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
  c.tamper?.({ query, headers });
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${base}/?${qs}`, { method: 'POST', headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
