/**
 * Per-site control: a pause list, and an optional "only on these sites" list.
 * Patterns are host names, optionally with a leading `*.` for subdomains
 * (`*.example.com` matches example.com and news.example.com).
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';

/** Keeps the item well under storage.sync's 8 KB per-item quota. */
export const MAX_PATTERNS = 200;

const PATTERN = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/;

/** One site pattern as stored: normalised, at most a host name's length. */
const PatternSchema = v.pipe(v.string(), v.maxLength(253), v.regex(PATTERN));

export const SiteRulesSchema = v.object({
  paused: v.array(PatternSchema),
  /** When not empty, the extension runs only on these sites. */
  onlyOn: v.array(PatternSchema),
});
export type SiteRules = v.InferOutput<typeof SiteRulesSchema>;

/** A user's input as a pattern (lowercased, scheme/path stripped), or undefined when it is not one. */
export function normalisePattern(input: string): string | undefined {
  let p = input.trim().toLowerCase();
  p = p.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  if (p.startsWith('www.')) p = p.slice(4);
  return v.is(PatternSchema, p) ? p : undefined;
}

export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === pattern;
}

export function isActiveOn(host: string, rules: SiteRules): boolean {
  if (rules.paused.some((p) => hostMatches(host, p))) return false;
  return rules.onlyOn.length === 0 || rules.onlyOn.some((p) => hostMatches(host, p));
}

export function parseSiteRules(raw: unknown): { rules: SiteRules; problems: string[] } {
  const rules: SiteRules = { paused: [], onlyOn: [] };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { rules, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { rules, problems: ['site rules are not an object; using none'] };
  for (const key of ['paused', 'onlyOn'] as const) {
    const list = (raw as Record<string, unknown>)[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${key}: not a list; ignored`);
      continue;
    }
    for (const item of list.slice(0, MAX_PATTERNS)) {
      const p = typeof item === 'string' ? normalisePattern(item) : undefined;
      if (p === undefined) problems.push(`${key}: ${JSON.stringify(item)?.slice(0, 60)} is not a site pattern; ignored`);
      else if (!rules[key].includes(p)) rules[key].push(p);
    }
    if (list.length > MAX_PATTERNS) problems.push(`${key}: more than ${MAX_PATTERNS} sites; the rest were ignored`);
  }
  return { rules, problems };
}

export const siteRulesItem = storage.defineItem<unknown>('sync:siteRules', { fallback: null, version: 1 });

export async function loadSiteRules() {
  return parseSiteRules(await siteRulesItem.getValue());
}

export async function saveSiteRules(rules: SiteRules): Promise<void> {
  await siteRulesItem.setValue(parseSiteRules(rules).rules);
}

/** Adds or removes `host` from the pause list. */
export async function setPaused(host: string, paused: boolean): Promise<SiteRules> {
  const { rules } = await loadSiteRules();
  const pattern = normalisePattern(host);
  if (!pattern) return rules;
  rules.paused = paused ? [...new Set([...rules.paused, pattern])] : rules.paused.filter((p) => !hostMatches(host, p));
  await saveSiteRules(rules);
  return rules;
}

export function watchSiteRules(callback: (parsed: { rules: SiteRules; problems: string[] }) => void): () => void {
  return siteRulesItem.watch((value) => callback(parseSiteRules(value)));
}
