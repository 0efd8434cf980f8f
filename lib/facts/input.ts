/**
 * Checks the text a user hands us before any parsing, so a wrong file fails
 * with a message they can act on instead of an empty or garbled index.
 */

/** Longest article we index; a long-read is ~60,000 characters, a book chapter beyond our purpose. */
export const MAX_ARTICLE_CHARS = 200_000;

export class ArticleTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArticleTextError';
  }
}

/** Control characters other than tab/newline, U+FFFD (failed decoding) and private-use/unassigned code points. */
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uE000-\uF8FF]/gu;

export function checkArticleText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new ArticleTextError('The article must be text.');
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new ArticleTextError(
      `The article is too long (${text.length.toLocaleString('en')} characters; the limit is ${MAX_ARTICLE_CHARS.toLocaleString('en')}). Split it into shorter articles.`,
    );
  }
  if (text.trim() === '') throw new ArticleTextError('The article is empty: paste or choose a file with the article text.');
  const junk = text.match(JUNK)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  // Binary files decoded as text are full of control and replacement characters and short of letters.
  if (junk > 0.05 * text.length || letters < 0.3 * text.replace(/\s/gu, '').length) {
    throw new ArticleTextError('This does not look like article text (it is mostly control or unreadable characters). Is it a binary file, or saved in another encoding?');
  }
}
