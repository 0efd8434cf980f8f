/** The small link from a fact or quote to its sentence in the article viewer. */
export function SourceLink({ href, article, sentence }: { href: string; article: string; sentence: string }) {
  return (
    <a
      class="fc-src"
      href={href}
      data-article={article}
      data-sentence={sentence}
      target="_blank"
      rel="noopener"
      aria-label="Source sentence"
      title="Open the source sentence"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M14 4h6v6" />
        <path d="M20 4l-9 9" />
        <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
      </svg>
    </a>
  );
}
