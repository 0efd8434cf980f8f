/** Cyrillic letters in Latin (a plain, reversible-enough transliteration for ids): "Дмитрий Песков" → "dmitrij-peskov". */
const CYRILLIC_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i',
  ї: 'i', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Entity ids: ASCII slugs of the canonical name ("JD Vance" → "jd-vance", "U.S." → "u-s"). */
export function slugify(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/\p{Script=Cyrillic}/gu, (c) => CYRILLIC_LATIN[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return ascii || 'entity';
}
