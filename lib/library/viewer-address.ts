/** The article viewer's address for a sentence of an article (an extension page). */
export function sourcePath(articleId: string, sentenceId: string): string {
  return `/article.html?article=${encodeURIComponent(articleId)}#${encodeURIComponent(sentenceId)}`;
}
