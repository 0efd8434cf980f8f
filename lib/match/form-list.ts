/**
 * Stems and the endings each takes, as the Cyrillic and Latin form rules
 * find them for one alias word. One list is reused for every word: compiling
 * 10,000 entities visits ~80,000 alias words, and a closure or an array per
 * word showed up in its time.
 */
export interface FormList {
  stems: string[];
  endings: ReadonlySet<string>[];
  count: number;
}

export const newFormList = (): FormList => ({ stems: [], endings: [], count: 0 });

export function pushForm(list: FormList, stem: string, endings: ReadonlySet<string>): void {
  for (let k = 0; k < list.count; k++) if (list.stems[k] === stem && list.endings[k] === endings) return;
  list.stems[list.count] = stem;
  list.endings[list.count] = endings;
  list.count++;
}
