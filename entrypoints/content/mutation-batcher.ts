/**
 * One MutationObserver for the page, batched: records are collected and
 * turned into a set of blocks to rescan at most once per `intervalMs`.
 * Past `overflow` records in a batch (a page re-rendering wholesale) it asks
 * for one full rescan instead of replaying each record, as Dark Reader does.
 * Open shadow roots are observed too once a scan has walked them (a subtree
 * observer stops at shadow boundaries), and `contenteditable` switching on or
 * off rescans the block: an element that becomes an editor loses its marks.
 */
import { isInsideSkipped, ownerBlock, OWN_UI_ATTRIBUTE } from '@/dom/text-walker';
import { MARK_TAG } from '@/dom/mention-painter';
import { afterNextFrame } from '@/dom/first-frame';

export interface MutationBatch {
  /** Blocks whose text changed. Empty when `full` is set. */
  owners: Set<Element>;
  /** Rescan everything: the page changed too much to replay. */
  full: boolean;
}

export interface MutationBatcher {
  /** Watches an open shadow root as well (idempotent). */
  observe(root: ShadowRoot): void;
  /** Runs `write` without observing it (our own DOM work, marks mode). */
  withoutObserving(write: () => void): void;
  disconnect(): void;
}

const isOwn = (node: Node) => {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el && (el.hasAttribute(OWN_UI_ATTRIBUTE) || el.tagName.toLowerCase() === MARK_TAG || !!el.closest(`[${OWN_UI_ATTRIBUTE}]`));
};

export function observeMutations(
  target: Node,
  onBatch: (batch: MutationBatch) => void,
  options: {
    signal: AbortSignal;
    /** Least time between batches; a function so the caller can back off while its work is costly. */
    intervalMs?: () => number;
    overflow?: number;
  },
): MutationBatcher {
  const intervalMs = options.intervalMs ?? (() => 150);
  const overflow = options.overflow ?? 2000;
  let records: MutationRecord[] = [];
  /**
   * The batch passed `overflow`: its records are dropped as they come. Kept
   * until the flush, 20,000 records of one burst outlived the page's next
   * garbage collections, and a subtree observer that held them cost the
   * page's own DOM work 9 % against 6 % for one that dropped them (1 MB
   * page, 20,000 appends then 20,000 edits, ten loads each).
   */
  let overflowed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch = records;
    records = [];
    if (overflowed) {
      overflowed = false;
      onBatch({ owners: new Set(), full: true });
      return;
    }
    const owners = new Set<Element>();
    for (const r of batch) {
      if (isOwn(r.target)) continue;
      if (r.type === 'attributes') {
        // Editing switched on or off: the block's chunks go (or come back);
        // rescan skips the block's text while it is an editor.
        const owner = ownerBlock(r.target);
        if (owner) owners.add(owner);
        continue;
      }
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwn)) continue;
      // Text typed into an editor or a field is never scanned.
      if (isInsideSkipped(r.target)) continue;
      const owner = ownerBlock(r.target);
      if (owner) owners.add(owner);
    }
    if (owners.size) onBatch({ owners, full: false });
  };

  const take = (list: MutationRecord[]) => {
    if (overflowed) return;
    if (records.length + list.length > overflow) {
      overflowed = true;
      records = [];
      return;
    }
    for (const r of list) records.push(r);
  };
  /**
   * A batch is handed over after the interval and then the page's next frame:
   * a burst that takes the page longer to render than the interval would
   * otherwise have its rescan start before the page's next frame, and hold it.
   */
  const schedule = () => {
    timer ??= setTimeout(() => void afterNextFrame().then(() => options.signal.aborted || flush()), intervalMs());
  };
  const observer = new MutationObserver((list) => {
    take(list);
    schedule();
  });
  const init: MutationObserverInit = { childList: true, characterData: true, subtree: true, attributeFilter: ['contenteditable'] };
  const shadowRoots = new Set<ShadowRoot>();
  let pruneAt = 64;
  /** Forgets roots whose component left the page, so they can be collected. */
  const prune = () => {
    for (const root of shadowRoots) if (!root.host.isConnected) shadowRoots.delete(root);
    pruneAt = Math.max(64, shadowRoots.size * 2);
  };
  const observe = () => {
    prune();
    observer.observe(target, init);
    for (const root of shadowRoots) observer.observe(root, init);
  };
  observe();
  const disconnect = () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
  options.signal.addEventListener('abort', disconnect, { once: true });

  return {
    observe(root) {
      if (shadowRoots.has(root) || options.signal.aborted) return;
      if (shadowRoots.size >= pruneAt) prune();
      shadowRoots.add(root);
      observer.observe(root, init);
    },
    withoutObserving(write) {
      // Keep what the page did before our write, drop what our write caused.
      take(observer.takeRecords());
      // Those records never reach the observer's callback, which would schedule them.
      if (records.length || overflowed) schedule();
      observer.disconnect();
      try {
        write();
      } finally {
        if (!options.signal.aborted) observe();
      }
    },
    disconnect,
  };
}
