import bundledIndex from '@/data/facts.json';
import { compileMatcher } from '@/lib/match';
import type { FactIndex } from '@/lib/facts/schema';
import { entitiesOf, matchEntitiesOf } from '@/lib/packs';
import { parseRequest, type PageMentionsReply } from '@/lib/messages';
import { loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { createHighlightPainter, createMarkPainter, highlightApiAvailable, type MentionPainter } from './mention-painter';
import { createPageScanner, type PageMention, type ScanOptions } from './page-scanner';
import { observeMutations } from './mutation-batcher';

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

    const scanOptions = (s: Settings): ScanOptions => ({ fuzzy: s.fuzzy, kinds: s.kinds, firstOnly: s.firstOnly });
    let lastCount = -1;
    const scanner = createPageScanner({
      root: () => document.body ?? document.documentElement,
      matcher,
      options: scanOptions(settings),
      painter: () => painter,
      onUpdate(mentions) {
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

    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const request = parseRequest(message);
      if (request?.type !== 'page-mentions') return undefined;
      return Promise.resolve(summarise(scanner.mentions(), scanner.busy()));
    });

    function summarise(mentions: readonly PageMention[], scanning: boolean): PageMentionsReply {
      const counts = new Map<string, number>();
      for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      return {
        url: location.href,
        scanning,
        entities: [...counts]
          .map(([id, count]) => {
            const e = entities.get(id)!.entity;
            return { entity: id, name: e.name, kind: e.kind, count };
          })
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
        mentions: mentions.map((m) => ({ entity: m.entity, text: m.text })),
      };
    }

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
