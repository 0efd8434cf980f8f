/**
 * The content script: reads the page, has the library in the background
 * find the names in it, paints them, and opens a card on a real hover, tap,
 * selection or the keyboard command. It holds no facts: names and cards
 * come from the background as the page needs them.
 */
import { ENTITY_KINDS } from '@/lib/fact-index/schema';
import { watchLibraryVersion } from '@/lib/library/library-version';
import { parseContentRequest, type ContentReply } from '@/lib/messages/protocol';
import { tellBackground } from '@/lib/messages/send';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '@/lib/settings/settings';
import { isActiveOn, loadSiteRules, watchSiteRules, type SiteRules } from '@/lib/settings/site-rules';
import { createGatedPainter, createHighlightPainter, createMarkPainter, highlightApiAvailable, type MentionPainter, type PaintRange } from '@/dom/mention-painter';
import { createHighlightGate } from '@/lib/settings/private-library';
import { createCards } from './card';
import { createLibraryClient } from './library-client';
import { indexMentions } from './mention-index';
import { observeMutations } from './mutation-batcher';
import { createPageScanner, type ScanOptions } from './page-scanner';
import type { PageMention } from './page-mention';
import { summarisePage } from './page-summary';
// The default style's rules, added by the browser before the page is first
// styled (WXT lists imported CSS in the manifest): see PreStyled.
import './page-highlights.css';

const PAGE_CSS_STYLE = { style: DEFAULT_SETTINGS.highlightStyle, colour: DEFAULT_SETTINGS.colour };

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's "content script started" window.postMessage carries the extension
  // id to every page script: the page would learn Fact Cards is installed.
  // The document event WXT also sends is enough to stop an old copy.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const [loadedSettings, loadedRules] = await Promise.all([loadSettings(), loadSiteRules()]);
    let settings: Settings = loadedSettings.settings;
    let rules: SiteRules = loadedRules.rules;
    const client = createLibraryClient();
    const activeHere = () => settings.enabled && isActiveOn(location.hostname, rules);

    let batcher: ReturnType<typeof observeMutations> | undefined;
    const withoutObserving = (write: () => void) => (batcher ? batcher.withoutObserving(write) : write());
    // What the page may read of the highlights (the private-library setting).
    const gate = createHighlightGate<PaintRange>({
      isPrivate: () => settings.privateLibrary,
      entityOf: (range) => entityOfRange(range),
      isBundled: (entity) => client.entities.get(entity)?.bundled ?? false,
    });
    const makePainter = (s: Settings): MentionPainter =>
      createGatedPainter(
        s.paintMode === 'highlight' && highlightApiAvailable()
          ? createHighlightPainter(document, s.highlightStyle, s.colour, PAGE_CSS_STYLE)
          : createMarkPainter(document, s.highlightStyle, s.colour, withoutObserving, PAGE_CSS_STYLE),
        gate,
      );
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
      scan: client.scan,
      entities: client.entities,
      options: scanOptions(settings),
      painter: () => painter,
      onShadowRoot: (root) => batcher?.observe(root),
      onUpdate(mentions) {
        mentionIndex = indexMentions(mentions);
        const count = new Set(mentions.map((m) => m.entity)).size;
        if (count === lastCount) return;
        lastCount = count;
        tellBackground({ type: 'mentions-changed', count });
      },
    });
    ctx.onInvalidated(() => scanner.dispose());
    /** The entity of a painted range: the scanner's current mentions, indexed once per update. */
    let byRange: { of: readonly PageMention[]; entities: Map<PaintRange, string> } | undefined;
    function entityOfRange(range: PaintRange): string | undefined {
      const all = scanner.mentions();
      if (byRange?.of !== all) byRange = { of: all, entities: new Map(all.map((m) => [m.range, m.entity])) };
      return byRange.entities.get(range);
    }

    const cards = createCards({
      ctx,
      client,
      mentions: () => mentionIndex,
      painter: () => painter,
      hoverDelayMs: () => settings.hoverDelayMs,
      theme: () => settings.theme,
    });

    // One job at a time: a rescan never interleaves with a full scan.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (job: () => Promise<void>) => {
      queue = queue.then(job, job);
    };

    /** Brings the page in line with new settings, site rules or a changed library. */
    function apply(next: { settings?: Settings; rules?: SiteRules; library?: true }) {
      const before = { settings, active: activeHere() };
      if (next.settings) settings = next.settings;
      if (next.rules) rules = next.rules;
      if (next.library) client.reset();
      if (next.library || settings.privateLibrary !== before.settings.privateLibrary) gate.reset();
      const active = activeHere();
      enqueue(async () => {
        if (!active) {
          cards.close();
          scanner.reset();
          return;
        }
        const s = settings;
        const p = before.settings;
        if (s.paintMode !== p.paintMode) {
          painter.clear();
          painter.dispose();
          painter = makePainter(s);
        } else if (s.highlightStyle !== p.highlightStyle || s.colour !== p.colour) {
          painter.setStyle(s.highlightStyle, s.colour);
        }
        const rescan =
          !before.active ||
          !!next.library ||
          s.paintMode !== p.paintMode ||
          s.fuzzy !== p.fuzzy ||
          s.firstOnly !== p.firstOnly ||
          s.privateLibrary !== p.privateLibrary ||
          s.kinds.join() !== p.kinds.join();
        if (next.library) cards.close();
        if (rescan) await scanner.setOptions(scanOptions(s), ctx.signal);
      });
    }
    ctx.onInvalidated(watchSettings(({ settings: s }) => apply({ settings: s })));
    ctx.onInvalidated(watchSiteRules(({ rules: r }) => apply({ rules: r })));
    ctx.onInvalidated(watchLibraryVersion(() => apply({ library: true })));

    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const request = parseContentRequest(message);
      switch (request?.type) {
        case 'page-mentions':
          return Promise.resolve(summarisePage(scanner.mentions(), client.entities, scanner.busy(), activeHere()) satisfies ContentReply<'page-mentions'>);
        case 'open-card':
          return cards.openNextInView().then(() => true);
        case 'open-card-for-text':
          return cards.openForSelection(request.text);
        case 'reveal-mention':
          cards.reveal(request.entity, request.index);
          return Promise.resolve(true);
        case 'show-notice':
          return cards.notice(request.text).then(() => true, () => false);
        default:
          return undefined;
      }
    });

    // The observer exists before the first scan, which hands it shadow roots.
    // Rescans of a changing page cost time in proportion to the page: wait at
    // least ten times as long as the last one took, so a page that never stops
    // changing gets at most ~10% of a core from us.
    batcher = observeMutations(
      document.documentElement,
      (batch) => {
        if (!activeHere()) return;
        enqueue(() => (batch.full ? scanner.scanAll(ctx.signal) : scanner.rescan(batch.owners, ctx.signal)));
      },
      { signal: ctx.signal, intervalMs: () => Math.max(150, 10 * scanner.lastBusyMs()) },
    );
    if (activeHere()) enqueue(() => scanner.scanAll(ctx.signal));
  },
});
