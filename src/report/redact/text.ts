// Pseudonymises identifying tokens inside free text (log lines, summaries, file names) in one
// left-to-right pass, so a pseudonym is never itself rewritten. Secrets are removed first
// (secrets.ts). What counts as identifying: IP addresses and prefixes, Alibaba resource ids, IKE
// identities (quoted ids, FQDNs, e-mail style ids), syslog host names, device connection names,
// SPIs, IKE cookies, hex dumps and long hex tokens. Everything else (times, algorithm names, event wording) stays, so the text still reads.

import { isIPv6 } from 'node:net';
import { IpPseudonyms } from './ip.js';
import type { Keyed } from './keyed.js';
import { removeSecrets } from '../../secrets.js';

const V4 = String.raw`(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?!\d|\.\d)`;
const V6 = String.raw`(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d+\.\d+\.\d+\.\d+|[0-9A-Fa-f]{1,4}|:?)(?![\w:])`;
const RID = String.raw`\b(?<ridp>vco|tun|vpn|cgw|vpndgn|iss|vpc|vsw|vbr|cen|tr)-(?<ridb>(?=[a-z0-9]*\d)[a-z0-9]{6,})(?<rids>\**)`;
const FQDN_BODY = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}`;
/** Words after which a quoted value is an IKE identity (strongSwan, Libreswan, racoon2 wording). */
const ID_CONTEXT = String.raw`(?:authentication of|peer ID is|with id|IDir|IDi|IDr|ID_[A-Z0-9_]+:?|identity|for:|match to|key found for|remote id|local id)`;
/** Words after which a double-quoted value is a certificate subject/issuer DN. */
const DN_CONTEXT = String.raw`(?:cert|certificate|subject:?|issuer:?)`;

/** A syslog / RFC 3339 stamp (a line's start, also quoted inside a message), then the host name that sent it. */
const SYSLOG_HOST = String.raw`(?<syst>(?<![\w:.-])(?:[A-Za-z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) )(?<host>[A-Za-z][\w.-]{0,62})(?= [\w./-]+(?:\[\d+\])?: )`;
/** Device connection names: strongSwan `<name|1>`, `IKE_SA name[1]`, `CHILD_SA name{1}`; Libreswan `"name" #1:`, `"name"[1]`. */
const CONN = String.raw`(?<sscs><)(?<sscn>[\w.-]{1,64})(?<ssce>\|\d+>)|(?<sap>\b(?:IKE_SA|CHILD_SA) )(?<san>[\w.-]{1,64})(?=[[{]\d+[\]}])|(?<lsq>")(?<lsn>[\w.-]{1,64})(?<lse>"(?=\s*(?:#\d+|\[\d+\])))`;

const TOKEN = new RegExp(
  [
    SYSLOG_HOST,
    CONN,
    String.raw`(?<url>\bhttps?:\/\/[^\s"'<>)\]]+)`,
    String.raw`(?<jid>\\?"(?:LocalId|RemoteId)\\?"\s*[:=]\s*\\?")(?<jidv>[^"\\]{1,200})(?<jide>\\?")`,
    String.raw`(?<idctx>\b${ID_CONTEXT}[ \t]*)'(?<idval>[^'\n]{1,200})'`,
    String.raw`(?<dnctx>\b${DN_CONTEXT}[ \t]*)"(?<dnval>[^"\n]{1,300}=[^"\n]{1,300})"`,
    RID,
    String.raw`(?<email>(?<![\w.+-])[a-z0-9._%+-]+@${FQDN_BODY}(?![\w-]))`,
    String.raw`(?<at>(?<![\w.])@${FQDN_BODY}(?![\w-]|\.[a-z0-9]))`,
    String.raw`(?<v4>${V4})(?:\/(?<v4p>3[0-2]|[12]?\d)(?!\d))?`,
    String.raw`(?<v6>${V6})(?:\/(?<v6p>\d{1,3})(?!\d))?`,
    String.raw`(?<uuid>\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b)`,
    String.raw`(?<spid>\bspi(?:_p)?=)(?<spidec>\d+)\(0x(?<spihex>[0-9A-Fa-f]+)\)`,
    String.raw`(?<spiu>(?<![\w-])[0-9A-Fa-f]{8}|(?<![\w-])[0-9A-Fa-f]{16})(?<spis>_[iorIOR])\b`,
    String.raw`(?<hexrun>(?<![\w-])[0-9a-f]{8}(?:[ \t]+[0-9a-f]{2,8})+(?![\w-]))`,
    String.raw`(?<hex0x>\b0x[0-9A-Fa-f]{8}\b)`,
    String.raw`(?<hex>(?<![\w-])(?=[0-9A-Fa-f]*\d)(?=[0-9A-Fa-f]*[A-Fa-f])(?:[0-9A-Fa-f]{8}){1,8}(?![\w-]))`,
    String.raw`(?<fqdn>(?<![\w.@-])${FQDN_BODY}(?![\w-]|\.[a-z0-9]))`,
  ].join('|'),
  'g',
);
const OBSERVE_V4 = new RegExp(V4, 'g');
const OBSERVE_V6 = new RegExp(V6, 'g');

/** Extensions and code suffixes that look like a top-level domain but name a file. */
const NOT_TLD = new Set(
  ('log txt json conf cnf cfg ini yaml yml xml html htm md csv tsv gz tgz zip tar xz bz pem crt cer der key pub csr ' +
    'pfx so ko sh py js ts mjs cjs rb pl go rs java class jar exe dll bin out err pid sock lock tmp bak old secrets ' +
    'swp db sqlite png jpg jpeg svg pdf cc cpp hpp lua service timer target mount').split(' '),
);
/** Public documentation hosts: kept, so references still open. */
const PUBLIC_HOSTS = [
  'alibabacloud.com', 'aliyun.com', 'aliyuncs.com', 'alicdn.com', 'github.com', 'githubusercontent.com',
  'strongswan.org', 'libreswan.org', 'ietf.org', 'rfc-editor.org', 'iana.org', 'openssl.org',
];

export class TextRedactor {
  private readonly ip: IpPseudonyms;
  private readonly names = new Map<string, string>();
  private readonly usedNames = new Set<string>();

  constructor(private readonly keyed: Keyed) {
    this.ip = new IpPseudonyms(keyed);
  }

  /** First pass: remember every address, so no pseudonym can equal an address of the report. */
  observe(text: string): void {
    const clean = removeSecrets(text);
    for (const m of clean.matchAll(OBSERVE_V4)) this.ip.observeV4(m[0]);
    for (const m of clean.matchAll(OBSERVE_V6)) if (isIPv6(m[0])) this.ip.observeV6(m[0]);
  }

  redact(text: string): string {
    return this.tokens(removeSecrets(text));
  }

  /** A LocalId/RemoteId value: the whole value is an identity. */
  identity(value: string): string {
    const v = value.trim();
    if (v === '' || /^%any6?$/.test(v)) return value;
    if (new RegExp(`^(?:${V4}|${V6})$`).test(v) || isIPv6(v)) return this.tokens(v);
    if (v.startsWith('@')) return `@${this.name(v.slice(1), 'fqdn')}`;
    if (v.includes('@')) return this.name(v, 'email');
    if (/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v)) return this.name(v, 'fqdn');
    return this.name(v, 'id');
  }

  private tokens(text: string): string {
    return text.replace(TOKEN, (match: string, ...rest: unknown[]) => {
      const g = rest[rest.length - 1] as Record<string, string | undefined>;
      if (g.host !== undefined) return `${g.syst}${this.name(g.host, 'host')}`;
      if (g.sscn !== undefined) return `${g.sscs}${this.connection(g.sscn)}${g.ssce}`;
      if (g.san !== undefined) return `${g.sap}${this.connection(g.san)}`;
      if (g.lsn !== undefined) return `${g.lsq}${this.connection(g.lsn)}${g.lse}`;
      if (g.url !== undefined) return this.url(g.url);
      if (g.jid !== undefined) return `${g.jid}${this.identity(g.jidv ?? '')}${g.jide}`;
      if (g.idctx !== undefined) return `${g.idctx}'${this.identity(g.idval ?? '')}'`;
      if (g.dnctx !== undefined) return `${g.dnctx}"${this.name(g.dnval ?? '', 'id')}"`;
      if (g.ridp !== undefined) return this.resourceId(g.ridp, g.ridb ?? '', g.rids ?? '');
      if (g.email !== undefined) return this.name(g.email, 'email');
      if (g.at !== undefined) return `@${this.name(g.at.slice(1), 'fqdn')}`;
      if (g.v4 !== undefined) {
        const prefix = g.v4p !== undefined ? Number(g.v4p) : undefined;
        return this.ip.v4(g.v4, prefix) + (g.v4p !== undefined ? `/${g.v4p}` : '');
      }
      if (g.v6 !== undefined) {
        if (!isIPv6(g.v6)) return match;
        const prefix = g.v6p !== undefined ? Number(g.v6p) : undefined;
        return this.ip.v6(g.v6, prefix) + (g.v6p !== undefined ? `/${g.v6p}` : '');
      }
      if (g.uuid !== undefined) return this.uuid(g.uuid);
      if (g.spid !== undefined) {
        const v = this.spi(Number(g.spidec));
        return `${g.spid}${v}(0x${v.toString(16)})`;
      }
      if (g.spiu !== undefined) return this.hexToken(g.spiu) + (g.spis ?? '');
      if (g.hexrun !== undefined) return g.hexrun.replace(/[0-9a-f]+/g, (h) => this.hexToken(h));
      if (g.hex0x !== undefined) return `0x${this.hexToken(g.hex0x.slice(2))}`;
      if (g.hex !== undefined) return this.hexToken(g.hex);
      if (g.fqdn !== undefined) return this.fqdn(g.fqdn);
      return match;
    });
  }

  private url(url: string): string {
    const m = url.match(/^(https?:\/\/)([^/:?#]+)(.*)$/);
    if (!m) return url;
    const host = m[2]!;
    const keep = PUBLIC_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    const mapped = this.tokens(host);
    return `${m[1]}${keep ? host : mapped === host ? this.name(host, 'fqdn') : mapped}${this.tokens(m[3]!)}`;
  }

  private fqdn(host: string): string {
    if (PUBLIC_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return host;
    const dot = host.lastIndexOf('.');
    if (!NOT_TLD.has(host.slice(dot + 1))) return this.name(host, 'fqdn');
    // `vpn.acme.com.log`: a file named after a host still names the host.
    const stem = host.slice(0, dot);
    return stem.includes('.') && !NOT_TLD.has(stem.slice(stem.lastIndexOf('.') + 1)) ? `${this.fqdn(stem)}${host.slice(dot)}` : host;
  }

  private resourceId(prefix: string, body: string, stars: string): string {
    const key = `rid|${prefix}-${body}`;
    const cached = this.names.get(key);
    if (cached) return cached + stars;
    let out = this.keyed.alnum(`rid|${prefix}|${body}`, body.length);
    for (let i = 1; out === body || !/\d/.test(out) || this.usedNames.has(`${prefix}-${out}`); i++) {
      out = this.keyed.alnum(`rid|${prefix}|${body}|${i}`, body.length);
    }
    this.usedNames.add(`${prefix}-${out}`);
    this.names.set(key, `${prefix}-${out}`);
    return `${prefix}-${out}${stars}`;
  }

  private uuid(value: string): string {
    const h = this.keyed.hex(`uuid|${value.toLowerCase()}`, 32);
    const out = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    return value === value.toUpperCase() ? out.toUpperCase() : out;
  }

  /** A device connection name (`to-cloud`): `conn-xxxx`, the same in every line, diff and subject id. */
  connection(value: string): string {
    return this.name(value, 'conn');
  }

  /** Stable pseudonym for an identity or a name: `fqdn-xxxx.example`, `user-xxxx@fqdn-xxxx.example`, `id-xxxx`, `host-xxxx`, `conn-xxxx`. */
  private name(value: string, kind: 'fqdn' | 'email' | 'id' | 'host' | 'conn'): string {
    const key = `${kind}|${value.toLowerCase()}`;
    const hit = this.names.get(key);
    if (hit) return hit;
    let out = '';
    for (let i = 0; !out || this.usedNames.has(out); i++) {
      const h = this.keyed.alnum(`${key}|${i}`, 8);
      if (kind === 'fqdn') out = `fqdn-${h}.example`;
      else if (kind === 'email') out = `user-${h.slice(0, 4)}@${this.name(value.slice(value.indexOf('@') + 1), 'fqdn')}`;
      else out = `${kind}-${h}`;
    }
    this.usedNames.add(out);
    this.names.set(key, out);
    return out;
  }

  /** 32-bit SPIs map by value, so `spi=65536(0x10000)` and `00010000_o` stay the same SPI. */
  private spi(value: number): number {
    if (!Number.isFinite(value) || value < 256 || value > 0xffffffff) return value;
    let out = this.keyed.int(`spi|${value}`);
    if (out < 256 || out === value) out = (out + 0x10000) >>> 0;
    return out;
  }

  private hexToken(hex: string): string {
    if (/^0+$/.test(hex)) return hex;
    const upper = hex === hex.toUpperCase() && /[A-F]/.test(hex);
    let out: string;
    if (hex.length === 8) out = this.spi(parseInt(hex, 16)).toString(16).padStart(8, '0');
    else {
      out = '';
      for (let i = 0; out.length < hex.length; i++) out += this.keyed.hex(`hex|${hex.toLowerCase()}|${i}`, 64);
      out = out.slice(0, hex.length);
      if (out === hex.toLowerCase()) out = out.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    }
    return upper ? out.toUpperCase() : out;
  }
}
