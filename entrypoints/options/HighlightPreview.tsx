/**
 * A sample sentence painted by the content script's own painter, so the
 * preview is exactly what pages get: the Highlight API's ::highlight() rules
 * or inline marks, with the same stylesheet.
 */
import { useEffect, useRef } from 'preact/hooks';
import {
  createHighlightPainter,
  createMarkPainter,
  highlightApiAvailable,
  type MentionPainter,
} from '@/dom/mention-painter';
import type { HighlightStyle, PaintMode } from '@/lib/settings/settings';

export const SAMPLE_SENTENCE = 'On Tuesday, Mayor Ana Ruiz opened the new harbour library in Valencia.';
const SAMPLE_NAMES = ['Ana Ruiz', 'Valencia'];

export function HighlightPreview({ mode, style, colour }: { mode: PaintMode; style: HighlightStyle; colour: string }) {
  const sentenceRef = useRef<HTMLParagraphElement>(null);
  const painterRef = useRef<MentionPainter | undefined>(undefined);
  const useApi = mode === 'highlight' && highlightApiAvailable();

  // The sentence's text node is ours, not Preact's: inline marks split it.
  useEffect(() => {
    const p = sentenceRef.current!;
    const text = document.createTextNode(SAMPLE_SENTENCE);
    p.replaceChildren(text);
    let painter: MentionPainter;
    try {
      painter = useApi ? createHighlightPainter(document, style, colour) : createMarkPainter(document, style, colour, (write) => write());
    } catch {
      return; // no constructable stylesheets: the sentence stays plain
    }
    painter.paint(
      SAMPLE_NAMES.map((name) => {
        const start = SAMPLE_SENTENCE.indexOf(name);
        return { startContainer: text, startOffset: start, endContainer: text, endOffset: start + name.length };
      }),
    );
    painterRef.current = painter;
    return () => {
      painter.dispose();
      painterRef.current = undefined;
    };
    // style and colour are applied by the effect below without repainting
  }, [useApi]);

  useEffect(() => painterRef.current?.setStyle(style, colour), [style, colour]);

  return (
    <figure class="highlight-preview">
      <figcaption>Preview</figcaption>
      <p class="sample" ref={sentenceRef} data-testid="highlight-sample" />
      {mode === 'highlight' && !useApi && (
        <p class="hint">This browser has no CSS Highlight API, so pages get inline marks instead.</p>
      )}
    </figure>
  );
}
