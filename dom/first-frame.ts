/**
 * Resolves once the page has put a frame on screen since the call, or at
 * once in a tab nobody sees (a hidden tab paints nothing, so there is
 * nothing to hold up). The first scan waits for it: a content script runs
 * as soon as the document is parsed, and reading a 200,000-node page before
 * its first frame held that frame back by a second or more.
 */
export function afterNextFrame(doc: Document = document): Promise<void> {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('visibilitychange', onHidden);
      resolve();
    };
    const onHidden = () => {
      if (doc.visibilityState === 'hidden') done();
    };
    doc.addEventListener('visibilitychange', onHidden);
    // A frame's callbacks run just before it is painted; a task queued from
    // them runs after it.
    view.requestAnimationFrame(() => view.setTimeout(done, 0));
  });
}
