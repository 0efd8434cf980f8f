/**
 * Reads the article of the page it runs in: Readability (Firefox Reader
 * View's extractor) on a cleaned copy of the page, the page's metadata chosen
 * by the rules in `lib/capture/`, and a readable error when there is no
 * article. The live page is only read: Readability rewrites the document it
 * is given, so it gets a copy.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { CaptureResult, PageMetadata } from '@/lib/capture/types';
import { chooseMetadata } from '@/lib/capture/metadata';
import { composeArticleText, leadParagraph, takeBylineBlock } from '@/lib/capture/article-text';
import { articleProblem, lengthProblem, NOT_AN_ARTICLE } from '@/lib/capture/article-check';
import { articleHeadings, collectPageMetadata } from './page-metadata';
import { cleanPageCopy } from './page-clean';
import { textBlocksOf } from './text-blocks';

const UNTITLED = 'Untitled article';
const FAILED = "Fact Cards couldn't read the article on this page.";

const tidy = (s: string | null | undefined) => s?.replace(/\s+/gu, ' ').trim() || undefined;

export function extractArticle(doc: Document, now: Date): CaptureResult {
  if (!doc.body || !(doc instanceof HTMLDocument || doc.documentElement.namespaceURI === 'http://www.w3.org/1999/xhtml')) {
    return { ok: false, error: NOT_AN_ARTICLE };
  }
  try {
    const page: PageMetadata = collectPageMetadata(doc);
    const copy = doc.cloneNode(true) as Document;
    const { bylines } = cleanPageCopy(doc, copy, articleHeadings(doc)[0]);
    const readerable = isProbablyReaderable(copy);
    // disableJSONLD: the rules read JSON-LD themselves; without it, Readability
    // would take the byline from JSON-LD and leave the page's byline in the text.
    const parsed = readerable ? new Readability<Node>(copy, { serializer: (el) => el, disableJSONLD: true }).parse() : null;
    const found = parsed?.content instanceof Element ? takeBylineBlock(textBlocksOf(parsed.content)) : null;
    const blocks = found?.blocks ?? null;
    const problem = articleProblem({ readerable, blocks });
    if (problem || !parsed || !blocks) return { ok: false, error: problem ?? FAILED };

    const metadata = chooseMetadata(
      {
        ...page,
        extracted: {
          title: tidy(parsed.title),
          byline: bylines[0] ?? found?.byline ?? tidy(parsed.byline),
          // Readability's excerpt is the first <p>, often a section label; the first long paragraph says more.
          excerpt: leadParagraph(blocks) ?? tidy(parsed.excerpt),
          siteName: tidy(parsed.siteName),
          publishedTime: tidy(parsed.publishedTime),
        },
      },
      now,
    );
    const title = metadata.title ?? UNTITLED;
    const text = composeArticleText(title, blocks);
    const tooLong = lengthProblem(text);
    if (tooLong) return { ok: false, error: tooLong };
    return { ok: true, article: { ...metadata, title, text } };
  } catch (err) {
    // A page can break Readability in ways nobody foresaw; the user gets a sentence, the page is untouched.
    return { ok: false, error: `${FAILED} (${err instanceof Error ? err.message : String(err)})` };
  }
}
