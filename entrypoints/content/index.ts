import bundledIndex from '@/data/facts.json';
import { compileMatcher } from '@/lib/match';
import { ENTITY_KINDS, type FactIndex } from '@/lib/facts/schema';
import { entitiesOf, matchEntitiesOf } from '@/lib/packs';
import { parseRequest } from '@/lib/messages';
import { loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { createHighlightPainter, createMarkPainter, highlightApiAvailable, type MentionPainter } from './mention-painter';
import { createPageScanner, type ScanOptions } from './page-scanner';
import { observeMutations } from './mutation-batcher';
import { indexMentions } from './mention-index';
import { createCardHost } from './card-host';
import { createCardController } from './card-controller';
import { summarisePage } from './page-summary';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const packs = [bundledIndex as FactIndex];
    const entities = entitiesOf(packs);
    const matcher = compileMatcher(matchEntitiesOf(packs));
    let settings: Settings = (await loadSettings()).settings;

    let batcher: ReturnType<typeof observeMutations> | undefined;
    const withoutObserving = (write: () => void) => (batcher ? batcher.withoutObserving(write) : write());
    const makePainter = (s: Settings): MentionPainter =>
      s.paintMode === 'highlight' && highlightApiAvailable()
        ? createHighlightPainter(document, s.highlightStyle, s.colour)
        : createMarkPainter(document, s.highlightStyle, s.colour, withoutObserving);
    let painter = makePainter(settings);
    ctx.onInvalidated(() => painter.dispose());

    const scanOptions = (s: Settings): ScanOptions => ({
      fuzzy: s.fuzzy,
      // All kinds is the common case: no filter to check per candidate.
      kinds: s.kinds.length === ENTITY_KINDS.length ? undefined : s.kinds,
      firstOnly: s.firstOnly,
    });
    let mentionIndex = indexMentions([]);
    let lastCount = -1;
    const scanner = createPageScanner({
      root: () => document.body ?? document.documentElement,
      matcher,
      options: scanOptions(settings),
      painter: () => painter,
      onUpdate(mentions) {
        mentionIndex = indexMentions(mentions);
        const count = new Set(mentions.map((m) => m.entity)).size;
        if (count === lastCount) return;
        lastCount = count;
        browser.runtime.sendMessage({ type: 'mentions-changed', count }).catch(() => {
          // The background may be restarting; the next update tells it again.
        });
      },
    });

    // One job at a time: a rescan never interleaves with a full scan.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (job: () => Promise<void>) => {
      queue = queue.then(job, job);
    };

    const unwatch = watchSettings(({ settings: next }) => {
      const previous = settings;
      settings = next;
      enqueue(async () => {
        if (!next.enabled) {
          cards.close();
          scanner.reset();
          return;
        }
        if (next.paintMode !== previous.paintMode) {
          painter.clear();
          painter.dispose();
          painter = makePainter(next);
        } else if (next.highlightStyle !== previous.highlightStyle || next.colour !== previous.colour) {
          painter.setStyle(next.highlightStyle, next.colour);
        }
        const rescan =
          !previous.enabled ||
          next.paintMode !== previous.paintMode ||
          next.fuzzy !== previous.fuzzy ||
          next.firstOnly !== previous.firstOnly ||
          next.kinds.join() !== previous.kinds.join();
        if (rescan) await scanner.setOptions(scanOptions(next), ctx.signal);
      });
    });
    ctx.onInvalidated(unwatch);

    const cards = createCardController({
      ctx,
      host: createCardHost(ctx),
      entities,
      matcher,
      mentions: () => mentionIndex,
      painter: () => painter,
      hoverDelayMs: () => settings.hoverDelayMs,
      theme: () => settings.theme,
      openSource: (article, sentence) => {
        browser.runtime.sendMessage({ type: 'open-source', article, sentence }).catch(() => {});
      },
    });

    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const request = parseRequest(message);
      switch (request?.type) {
        case 'page-mentions':
          return Promise.resolve(summarisePage(scanner.mentions(), entities, scanner.busy()));
        case 'open-card':
          cards.openNextInView();
          return Promise.resolve(true);
        case 'open-card-for-text':
          return Promise.resolve(cards.openForSelection(request.text));
        case 'reveal-mention':
          cards.reveal(request.entity, request.index);
          return Promise.resolve(true);
        default:
          return undefined;
      }
    });

    if (settings.enabled) enqueue(() => scanner.scanAll(ctx.signal));
    batcher = observeMutations(
      document.documentElement,
      (batch) => {
        if (!settings.enabled) return;
        enqueue(() => (batch.full ? scanner.scanAll(ctx.signal) : scanner.rescan(batch.owners, ctx.signal)));
      },
      { signal: ctx.signal },
    );
  },
});
