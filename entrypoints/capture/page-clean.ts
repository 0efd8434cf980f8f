/**
 * Takes the page's furniture out of a copy of the page before Readability
 * reads it: what the reader cannot see, the site's header, menus, cookie and
 * consent notices, promos, related links, newsletter boxes, share bars,
 * comments, footers, and the byline (kept aside as metadata). Readability
 * scores such blocks down but keeps some, and every name left in them would
 * become an entity of the saved article.
 *
 * Works on the copy only; the live page is read, never written.
 */

/** Elements that are never article text, by tag or ARIA role. */
const FURNITURE = [
  'nav', 'aside', 'footer', 'dialog', 'form', 'template', 'iframe', 'button', 'select', 'textarea', 'input', 'label',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]',
  '[role="dialog"]', '[role="alertdialog"]', '[role="alert"]', '[role="menu"]', '[role="menubar"]', '[role="toolbar"]',
  '[aria-modal="true"]', '[hidden]', '[aria-hidden="true"]',
].join(', ');

/** Words in class names and ids that mark furniture. Matched as whole words of the name (`cookie-banner`, `mostRead`). */
const FURNITURE_WORDS = new Set([
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'banner', 'breadcrumb', 'breadcrumbs', 'comment', 'comments',
  'consent', 'cookie', 'cookies', 'dateline', 'disqus', 'donate', 'donation', 'donations', 'gdpr', 'masthead', 'menu', 'nav',
  'navbar', 'navigation', 'newsletter', 'newsletters', 'outbrain', 'paywall', 'popular', 'promo', 'promos',
  'promotion', 'recommended', 'recommendations', 'related', 'share', 'sharing', 'sidebar', 'signup', 'social',
  'sponsor', 'sponsored', 'subscribe', 'subscription', 'taboola', 'toolbar', 'trending', 'widget',
]);
/** Two-word marks: `most-read`, `read-more`, `sign-up`, `more-stories`. */
const FURNITURE_PAIRS = new Set([
  'most read', 'most viewed', 'most popular', 'most shared', 'read more', 'more stories', 'sign up', 'also read', 'see also', 'support us',
]);
/** Elements worth classifying, in document order. */
const CANDIDATES = `${FURNITURE}, header, [class], [id], [rel], [itemprop]`;
/** Class words of a byline or an author's box. */
const BYLINE_WORDS = new Set(['byline', 'author', 'authors', 'writtenby', 'contributor', 'contributors']);
/** A byline is a name or two; longer "author" blocks are biographies. */
const MAX_BYLINE_CHARS = 100;
/**
 * Reading every element's style costs a DOM wrapper per element in the
 * extension's world: over a second on a 200,000-element page (busy 2-core machine).
 * News pages have a few thousand elements; past this, hidden elements are left
 * to Readability's own check (inline `display: none`, `hidden`).
 */
const MAX_STYLE_CHECKS = 30_000;

/** `cookie-banner`, `mostRead`, `site_header` → ["cookie", "banner"], ["most", "read"], ["site", "header"]. */
function nameWords(el: Element): string[] {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function marksFurniture(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (FURNITURE_WORDS.has(words[i])) return true;
    if (i + 1 < words.length && FURNITURE_PAIRS.has(`${words[i]} ${words[i + 1]}`)) return true;
  }
  return false;
}

function isByline(el: Element, words: string[]): boolean {
  return (
    el.getAttribute('rel') === 'author' ||
    /\bauthor\b/i.test(el.getAttribute('itemprop') ?? '') ||
    words.some((w) => BYLINE_WORDS.has(w))
  );
}

/**
 * Removes from the copy what the page does not render (`display: none` on the
 * live element or an ancestor). `live` and `copy` are the two documents'
 * body elements in document order: the same elements while the copy is unchanged.
 */
function removeUnrendered(live: Element[], copy: Element[], view: Window): void {
  const doomed: Element[] = [];
  let hidden: Element | null = null;
  for (let i = 0; i < live.length; i++) {
    const el = live[i];
    if (hidden?.contains(el)) continue;
    // display:none only: visibility can be overridden by children, and "visually hidden" text is read to screen reader users.
    if (view.getComputedStyle(el).display === 'none') {
      hidden = el;
      doomed.push(copy[i]);
    }
  }
  for (const el of doomed) el.remove();
}

/**
 * What must survive cleaning: `<main>`, a lone `<article>`, the article's
 * headline. A page with none of them is anchored on the element holding the
 * most paragraph text. (Sites wrap whole pages in `<form>` or give `<body>`
 * a `cookie-consent-open` class.)
 */
function anchorsOf(doc: Document, headline: Element | undefined): Element[] {
  const articles = doc.getElementsByTagName('article');
  const anchors = [doc.querySelector('main, [role="main"]'), articles.length === 1 ? articles[0] : null, headline ?? null].filter(
    (e): e is Element => !!e,
  );
  if (anchors.length > 0) return anchors;
  const textByParent = new Map<Element, number>();
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    if (p.parentElement) textByParent.set(p.parentElement, (textByParent.get(p.parentElement) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | undefined;
  for (const [el, n] of textByParent) if (!best || n > textByParent.get(best)!) best = el;
  return best ? [best] : [];
}

/** A `<header>` is the site's when no article, section or main element holds it; an article's own header keeps its standfirst. */
const isSiteHeader = (el: Element) => el.localName === 'header' && !el.parentElement?.closest('article, section, main, [role="main"]');

export interface CleanedPage {
  /** Byline texts found and taken out, in document order. */
  bylines: string[];
}

/** The copy's element at the live element's place (same child indices from the root; the copy is unchanged so far). */
function twinOf(el: Element, copy: Document): Element | undefined {
  const path: number[] = [];
  for (let node: Element = el; node.parentElement; node = node.parentElement) {
    path.push(Array.prototype.indexOf.call(node.parentElement.children, node));
  }
  let twin: Element | undefined = copy.documentElement;
  for (let i = path.length - 1; i >= 0 && twin; i--) twin = twin.children[path[i]];
  return twin?.localName === el.localName ? twin : undefined;
}

/**
 * Cleans `copy` (a `cloneNode(true)` of `live`, not yet changed) in place.
 * `liveHeadline` is the live page's headline element, if it has one.
 */
export function cleanPageCopy(live: Document, copy: Document, liveHeadline: Element | undefined): CleanedPage {
  const headline = liveHeadline ? twinOf(liveHeadline, copy) : undefined;
  const view = live.defaultView;
  if (live.body && copy.body && view && live.body.getElementsByTagName('*').length <= MAX_STYLE_CHECKS) {
    const liveEls = Array.from(live.body.getElementsByTagName('*'));
    const copyEls = Array.from(copy.body.getElementsByTagName('*'));
    if (liveEls.length === copyEls.length) removeUnrendered(liveEls, copyEls, view);
  }

  const anchors = anchorsOf(copy, headline?.isConnected ? headline : undefined);
  const holdsArticle = (el: Element) => anchors.some((a) => el.contains(a));
  const furniture = new Set(copy.body?.querySelectorAll(FURNITURE) ?? []);
  const bylines: string[] = [];
  const doomed: Element[] = [];
  // Only elements with a tag, role, class, id or author mark can be furniture or a byline (a 200,000-node page has far fewer).
  for (const el of Array.from(copy.body?.querySelectorAll(CANDIDATES) ?? [])) {
    // Document order: whatever is inside the last removed element goes with it (a footer's "author" link is no byline).
    if (doomed.length > 0 && doomed[doomed.length - 1].contains(el)) continue;
    if (holdsArticle(el)) continue;
    const words = nameWords(el);
    if (isByline(el, words)) {
      const text = el.textContent?.replace(/\s+/gu, ' ').trim() ?? '';
      if (text && text.length <= MAX_BYLINE_CHARS) bylines.push(text);
      doomed.push(el);
    } else if (furniture.has(el) || isSiteHeader(el) || marksFurniture(words)) {
      doomed.push(el);
    }
  }
  for (const el of doomed) el.remove();
  return { bylines };
}
