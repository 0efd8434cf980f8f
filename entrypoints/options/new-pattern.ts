/** Validating a site typed or pasted into a site list, with a message for each refusal. */
import { hostMatches, MAX_PATTERNS, normalisePattern } from '@/lib/settings/site-rules';

/** Why `input` can't be added to `list`, or the pattern to add. */
export function checkNewPattern(input: string, list: readonly string[]): { pattern: string } | { error: string } {
  if (input.trim() === '') return { error: 'Type a site first, like example.com or *.example.com.' };
  const pattern = normalisePattern(input);
  if (!pattern) {
    return { error: `“${input.trim()}” is not a site. Use a host name like example.com, or *.example.com for it and all its subdomains.` };
  }
  if (list.includes(pattern)) return { error: `${pattern} is already in this list.` };
  const cover = list.find((p) => p.startsWith('*.') && !pattern.startsWith('*.') && hostMatches(pattern, p));
  if (cover) return { error: `${pattern} is already covered by ${cover}.` };
  if (list.length >= MAX_PATTERNS) return { error: `This list is full (${MAX_PATTERNS} sites). Remove one first.` };
  return { pattern };
}
