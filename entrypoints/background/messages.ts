/**
 * The background's side of the protocol (lib/messages/protocol.ts): every
 * request is parsed, checked against who may send it, and answered from the
 * library. Pages reach only what matching and cards need; writes to the
 * library come from extension pages alone.
 */
import { browser, type Browser } from 'wxt/browser';
import { encodeCandidates } from '@/lib/match/candidate-wire';
import { parseBackgroundRequest, type BackgroundReply, type BackgroundRequest } from '@/lib/messages/protocol';
import { sourcePath } from '@/lib/library/viewer-address';
import type { CaptureResult } from '@/lib/capture/capture-result';
import type { Library } from '@/lib/library/library';
import { storageErrorMessage } from '@/lib/library/store';
import { BUILTIN_ARTICLE_ID } from '@/lib/library/stored-article';

type Sender = Browser.runtime.MessageSender;

/** An extension page (popup, options, viewer) rather than a content script in a web page. */
export function isExtensionPage(sender: Sender): boolean {
  const url = sender.url ?? '';
  return url.startsWith(browser.runtime.getURL('/'));
}

export interface BackgroundHooks {
  /** Reads the article of a tab (the extractor, injected on request). */
  captureTab(tabId: number): Promise<CaptureResult>;
  /** The library (opened on first use). */
  library(): Promise<Library>;
  /** Problems moving packs of earlier versions, for the options page. */
  legacyProblems(): string[];
  /** A tab's distinct entity count, for the badge. */
  onMentionCount(tabId: number, count: number): void;
}

export function handleMessage(message: unknown, sender: Sender, hooks: BackgroundHooks): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = parseBackgroundRequest(message);
  if (!parsed) return undefined;
  const { request, from } = parsed;
  if (from === 'extension-page' && !isExtensionPage(sender)) return undefined;
  if (from === 'content' && isExtensionPage(sender)) return undefined;
  return answer(request, sender, hooks).catch((error: unknown) => {
    // The library could not be opened or read (a full disk, a damaged
    // profile): requests that can answer with a sentence do; the rest fail
    // and their sender shows its own error.
    if (REPLIES_WITH_ERROR.has(request.type)) return { ok: false, error: storageErrorMessage(error) };
    if (request.type === 'import-library') return { ok: false, problems: [storageErrorMessage(error)] };
    throw error;
  });
}

const REPLIES_WITH_ERROR: ReadonlySet<BackgroundRequest['type']> = new Set([
  'save-article', 'capture-tab', 'preview-article', 'set-article-enabled', 'rename-article', 'delete-article', 'restore-article', 'export-library', 'export-article',
]);

/** The reply to a request already parsed and allowed. */
export async function answer(request: BackgroundRequest, sender: Sender, hooks: BackgroundHooks): Promise<unknown> {
  const { library } = hooks;
  switch (request.type) {
    case 'ping':
      return { ok: true, version: browser.runtime.getManifest().version } satisfies BackgroundReply<'ping'>;
    case 'mentions-changed':
      if (sender.tab?.id !== undefined && sender.frameId === 0) hooks.onMentionCount(sender.tab.id, request.count);
      return undefined;
    case 'open-source':
      await browser.tabs.create({
        url: browser.runtime.getURL(sourcePath(request.article, request.sentence) as '/article.html'),
        index: sender.tab ? sender.tab.index + 1 : undefined,
      });
      return true;
    case 'scan': {
      const lib = await library();
      const [matcher, merged] = await Promise.all([lib.matcher(), lib.merged()]);
      const options = { fuzzy: request.fuzzy, ...(request.kinds ? { kinds: request.kinds } : {}) };
      const reply = encodeCandidates(request.texts.map((t) => matcher.scan(t, options)), (id) => merged.byId.get(id)?.name, (id) => matcher.entity(id)?.related);
      const bundled = reply.entities.flatMap(([id]) => (merged.byId.get(id)?.refs.some((r) => r.article === BUILTIN_ARTICLE_ID) ? [id] : []));
      return { ...reply, bundled } satisfies BackgroundReply<'scan'>;
    }
    case 'card':
      return (await library()).card(request.entity);
    case 'entity-for-text': {
      const lib = await library();
      const text = request.text.trim();
      // Prefer a candidate covering most of the selection.
      let best: { entity: string; start: number; end: number } | undefined;
      for (const c of (await lib.matcher()).scan(text, { fuzzy: 'loose' })) if (!best || c.end - c.start > best.end - best.start) best = c;
      if (!best || best.end - best.start < text.length * 0.6) return null;
      const entity = (await lib.merged()).byId.get(best.entity);
      return entity ? { id: entity.id, name: entity.name } : null;
    }
    case 'search':
      return (await library()).search(request.query, request.limit);
    case 'library-list': {
      const listed = await (await library()).list();
      return { articles: listed.articles, problems: [...listed.problems, ...hooks.legacyProblems()] } satisfies BackgroundReply<'library-list'>;
    }
    case 'save-article':
      return (await library()).save(request.article);
    case 'preview-article':
      return (await library()).preview(request.article);
    case 'set-article-enabled':
      return done(async () => (await library()).setEnabled(request.id, request.enabled));
    case 'rename-article':
      return done(async () => (await library()).rename(request.id, request.title));
    case 'delete-article':
      return done(async () => (await library()).remove(request.id));
    case 'restore-article':
      return done(async () => {
        if (!(await (await library()).restore(request.id))) throw new Error('That article can no longer be restored.');
      });
    case 'export-library':
      return withText(async () => (await library()).exportAll());
    case 'export-article':
      return withText(async () => (await library()).exportOne(request.id));
    case 'import-library':
      try {
        return await (await library()).import(request.text);
      } catch (e) {
        return { ok: false, problems: [(e as Error).message] };
      }
    case 'capture-tab': {
      const captured = await hooks.captureTab(request.tabId);
      if (!captured.ok) return captured;
      const { title, text, url, pageUrl, source, byline, published } = captured.article;
      const article = {
        title, text, url,
        ...(pageUrl && pageUrl !== url ? { pageUrl } : {}),
        ...(source ? { source } : {}), ...(byline ? { byline } : {}), ...(published ? { published } : {}),
      };
      const lib = await library();
      if (!request.save) {
        const preview = await lib.preview(article);
        return preview.ok ? { ok: true, preview: preview.preview, article } : preview;
      }
      const saved = await lib.save(article);
      return saved.ok ? { ...saved, ...(captured.article.published ? { published: captured.article.published.slice(0, 10) } : {}) } : saved;
    }
    case 'saved-for-url':
      return (await library()).savedAt(request.url) ?? null;
    case 'get-article': {
      const found = await (await library()).article(request.id);
      if (!found) return undefined;
      const { article, index } = found;
      return {
        article,
        text: index.article.text,
        blocks: index.blocks,
        sentences: index.sentences.map(({ id, block, start, end }) => ({ id, block, start, end })),
      } satisfies BackgroundReply<'get-article'>;
    }
  }
}

async function done(work: () => Promise<void>): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await work();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

async function withText(work: () => Promise<string | undefined>): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    const text = await work();
    return text === undefined ? { ok: false, error: 'No such article.' } : { ok: true, text };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
