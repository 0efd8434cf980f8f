/**
 * The site an article belongs to: its name, and whether an address the page
 * gives for itself (canonical link, og:url) is on the same site as the tab.
 */

/** Second-level labels under which country domains register names (`example.co.uk`, `example.com.au`). */
const SHARED_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'govt', 'ltd', 'net', 'nic', 'org', 'plc', 'sch']);

function urlOf(address: string, base?: string): URL | undefined {
  try {
    return new URL(address, base);
  } catch {
    return undefined;
  }
}

const isWeb = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';
const isIp = (host: string) => /^[\d.]+$/.test(host) || host.startsWith('[');

/**
 * The registrable part of a host name (`news.ledger.example` → `ledger.example`,
 * `www.ledger.co.uk` → `ledger.co.uk`). An approximation of the public suffix
 * list that holds for generic and country domains; IP addresses stand for themselves.
 */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (isIp(h)) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const [second, top] = labels.slice(-2);
  const keep = top.length === 2 && SHARED_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Both addresses are http(s) on the same registrable domain. */
export function isSameSite(a: string, b: string): boolean {
  const ua = urlOf(a);
  const ub = urlOf(b);
  return !!ua && !!ub && isWeb(ua) && isWeb(ub) && siteOf(ua.hostname) === siteOf(ub.hostname);
}

/** `https://www.ledger.example:8080/x` → `ledger.example`. */
export function readableHost(address: string): string | undefined {
  const u = urlOf(address);
  if (!u || !u.hostname) return undefined;
  return u.hostname.replace(/^(?:www\d*|m|amp|mobile)\./i, '');
}

/**
 * The article's own address: the canonical link, else og:url, when it
 * resolves to an http(s) address on the tab's site (a canonical pointing
 * elsewhere is a syndication or a mistake); otherwise the tab's address.
 */
export function chooseArticleUrl(location: string, candidates: (string | undefined)[]): string {
  for (const c of candidates) {
    const u = c?.trim() ? urlOf(c.trim(), location) : undefined;
    if (u && isWeb(u) && isSameSite(u.href, location)) return u.href;
  }
  return location;
}

const tidy = (s: string | undefined) => s?.replace(/\s+/gu, ' ').trim() || undefined;

/** og:site_name, else the JSON-LD publisher, else the host name without `www.`. */
export function chooseSiteName(candidates: (string | undefined)[], location: string): string | undefined {
  for (const c of candidates) {
    const name = tidy(c);
    // A URL is not a name.
    if (name && name.length <= 100 && !/^https?:\/\//i.test(name)) return name;
  }
  return readableHost(location);
}

/** A name or host folded for comparison: `The Daily-Ledger` ~ `dailyledger` ~ `www.dailyledger.example`. */
export function siteKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Keys that name the site: its name and its host's labels (`ledger.example` → `ledgerexample`, `ledger`). */
export function siteKeys(names: (string | undefined)[], location: string): Set<string> {
  const keys = new Set<string>();
  for (const n of names) if (n?.trim()) keys.add(siteKey(n));
  const host = readableHost(location);
  if (host && !isIp(host)) {
    keys.add(siteKey(host));
    const site = siteOf(host);
    keys.add(siteKey(site));
    keys.add(siteKey(site.split('.')[0]));
  }
  keys.delete('');
  return keys;
}
