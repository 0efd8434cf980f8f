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
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch = records;
    records = [];
    if (batch.length > overflow) {
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

  const observer = new MutationObserver((list) => {
    for (const r of list) records.push(r);
    timer ??= setTimeout(flush, intervalMs());
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
      records.push(...observer.takeRecords());
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
