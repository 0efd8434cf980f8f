/**
 * Users' fact packs in storage.local. A stored pack that fails validation is
 * kept (never erased) but not used, and reported, so an extension update or
 * a bad write can't silently lose a user's articles.
 *
 * Versions: v1 stored a map `{ [packId]: FactIndex }`; v2 (current) stores a
 * list of packs with their on/off state and when they were added.
 */
import { storage } from 'wxt/utils/storage';
import { factIndexProblems, type FactIndex } from './fact-index/schema';
import { BUILTIN_PACK_ID } from './packs';

export interface StoredPack {
  id: string;
  enabled: boolean;
  addedAt: string; // ISO date
  index: FactIndex;
}

/** A user pack's JSON export: what `importPack` accepts. */
export interface PackFile {
  format: 'fact-cards-pack';
  version: 1;
  pack: { id: string; index: FactIndex };
}

/** Largest pack accepted (its JSON), so storage stays responsive. */
export const MAX_PACK_BYTES = 2_000_000;

export const packsItem = storage.defineItem<unknown>('local:packs', {
  fallback: [],
  version: 2,
  migrations: {
    2: (v1: unknown) => migratePacksV1(v1),
  },
});

/** v1 `{ [id]: FactIndex }` → v2 `StoredPack[]` (all enabled, added "now"). */
export function migratePacksV1(v1: unknown, now = new Date().toISOString()): unknown {
  if (v1 === null || typeof v1 !== 'object' || Array.isArray(v1)) return v1;
  return Object.entries(v1 as Record<string, unknown>).map(([id, index]) => ({ id, enabled: true, addedAt: now, index }));
}

export interface LoadedPacks {
  /** Valid packs, in the order they were added. */
  packs: StoredPack[];
  /** One line per stored entry that could not be used. */
  problems: string[];
}

export function parseStoredPacks(raw: unknown): LoadedPacks {
  if (!Array.isArray(raw)) return { packs: [], problems: raw == null ? [] : ['stored packs are not a list; none loaded'] };
  const packs: StoredPack[] = [];
  const problems: string[] = [];
  raw.forEach((entry, i) => {
    const e = entry as Partial<StoredPack> | null;
    const label = typeof e?.id === 'string' ? `pack "${e.id}"` : `pack #${i + 1}`;
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.enabled !== 'boolean') {
      problems.push(`${label}: not a stored pack; kept but not used`);
      return;
    }
    const issues = factIndexProblems(e.index);
    if (issues.length) {
      problems.push(`${label}: ${issues[0]}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}; kept but not used`);
      return;
    }
    packs.push({ id: e.id, enabled: e.enabled, addedAt: typeof e.addedAt === 'string' ? e.addedAt : '', index: e.index as FactIndex });
  });
  return { packs, problems };
}

export async function loadStoredPacks(): Promise<LoadedPacks> {
  return parseStoredPacks(await packsItem.getValue());
}

/** The enabled user packs' indexes (what the matcher, cards and search use besides the bundled one). */
export async function loadEnabledIndexes(): Promise<FactIndex[]> {
  return (await loadStoredPacks()).packs.filter((p) => p.enabled).map((p) => p.index);
}

export function watchPacks(callback: (loaded: LoadedPacks) => void): () => void {
  return packsItem.watch((value) => callback(parseStoredPacks(value)));
}

/**
 * Applies `change` to the raw stored list, so entries this version can't read
 * survive every edit.
 */
async function updateRaw(change: (list: unknown[]) => unknown[]): Promise<void> {
  const raw = await packsItem.getValue();
  // A stored value that is not a list is kept as one (unusable) entry rather than overwritten.
  await packsItem.setValue(change(Array.isArray(raw) ? [...raw] : raw == null ? [] : [raw]));
}

const idOf = (entry: unknown) => (entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined);

export class PackError extends Error {
  override name = 'PackError';
}

/** A pack id for a title: a slug, unique among `taken`, never the built-in id. */
export function packIdFor(title: string, taken: ReadonlySet<string>): string {
  const base = `pack-${title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'article'}`;
  let id = base;
  for (let n = 2; taken.has(id) || id === BUILTIN_PACK_ID; n++) id = `${base}-${n}`;
  return id;
}

export async function addPack(index: FactIndex, now = new Date().toISOString()): Promise<StoredPack> {
  const problems = factIndexProblems(index);
  if (problems.length) throw new PackError(`This pack is not valid: ${problems[0]}`);
  if (JSON.stringify(index).length > MAX_PACK_BYTES) throw new PackError(`This pack is larger than ${MAX_PACK_BYTES / 1e6} MB.`);
  const { packs } = await loadStoredPacks();
  if (index.article.id === BUILTIN_PACK_ID) throw new PackError('That is the built-in pack; it is always there.');
  if (packs.some((p) => p.index.article.text === index.article.text)) {
    throw new PackError(`This article is already a pack (“${packs.find((p) => p.index.article.text === index.article.text)!.index.article.title}”).`);
  }
  if (packs.some((p) => p.id === index.article.id)) throw new PackError(`A pack with the id “${index.article.id}” already exists.`);
  const stored: StoredPack = { id: index.article.id, enabled: true, addedAt: now, index };
  await updateRaw((list) => [...list, stored]);
  return stored;
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  await updateRaw((list) => list.map((e) => (idOf(e) === id ? { ...(e as object), enabled } : e)));
}

export async function renamePack(id: string, title: string): Promise<void> {
  const clean = title.trim().slice(0, 200);
  if (!clean) throw new PackError('A pack needs a title.');
  await updateRaw((list) =>
    list.map((e) => {
      if (idOf(e) !== id) return e;
      const p = e as StoredPack;
      return { ...p, index: { ...p.index, article: { ...p.index.article, title: clean } } };
    }),
  );
}

/** Removes a pack and returns it (for undo: `restorePack`). */
export async function removePack(id: string): Promise<unknown> {
  let removed: unknown;
  await updateRaw((list) => list.filter((e) => (idOf(e) === id ? ((removed = e), false) : true)));
  return removed;
}

export async function restorePack(entry: unknown): Promise<void> {
  if (entry === undefined) return;
  await updateRaw((list) => (list.some((e) => idOf(e) === idOf(entry)) ? list : [...list, entry]));
}

export function packFileOf(pack: StoredPack): PackFile {
  return { format: 'fact-cards-pack', version: 1, pack: { id: pack.id, index: pack.index } };
}

/** Parses an exported pack file; throws a PackError that says exactly what is wrong. */
export function parsePackFile(text: string): FactIndex {
  if (text.length > MAX_PACK_BYTES) throw new PackError(`The file is larger than ${MAX_PACK_BYTES / 1e6} MB.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PackError(`The file is not valid JSON (${(e as Error).message}).`);
  }
  const file = value as Partial<PackFile> | null;
  if (!file || typeof file !== 'object' || file.format !== 'fact-cards-pack') {
    throw new PackError('The file is not a Fact Cards pack (its "format" is not "fact-cards-pack").');
  }
  if (file.version !== 1) throw new PackError(`Unknown pack file version ${JSON.stringify(file.version)}; this version of Fact Cards reads version 1.`);
  const problems = factIndexProblems(file.pack?.index);
  if (problems.length) throw new PackError(`The pack inside the file is not valid: ${problems.slice(0, 3).join('; ')}`);
  return file.pack!.index;
}
