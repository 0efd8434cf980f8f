/** Entity ids: ASCII slugs of the canonical name ("JD Vance" → "jd-vance", "U.S." → "u-s"). */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return ascii || 'entity';
}
