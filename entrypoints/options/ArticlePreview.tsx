/**
 * What a new article would add: each name with its kind, role and number of
 * facts, expandable to the card it would show on pages (from this article
 * alone; saved, it merges with what the library already knows).
 */
import { useState } from 'preact/hooks';
import { FactCard } from '@/components/FactCard';
import { KIND_LABEL } from '@/components/kind-label';
import { back, shown as shownOf, visit } from '@/lib/card-history';
import type { ArticlePreview as Preview } from '@/lib/messages/protocol';
import type { Theme } from '@/lib/settings/settings';

export function ArticlePreview({ preview, theme }: { preview: Preview; theme: Theme }) {
  /** Cards opened in the expanded row, the shown one last (related chips push onto it). */
  const [open, setOpen] = useState<{ row: string; history: string[] }>();
  const cards = new Map(preview.cards.map((c) => [c.id, c]));

  if (preview.entities.length === 0) {
    return <p class="error">No people, places, organisations or terms were found in this text, so there is nothing to save.</p>;
  }

  const card = open && cards.get(shownOf(open.history)!);
  const previous = open && open.history.length > 1 ? cards.get(open.history[open.history.length - 2]) : undefined;

  return (
    <table class="preview-table">
      <caption>
        {preview.entities.length} {preview.entities.length === 1 ? 'name' : 'names'} found in “{preview.title}”
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Role</th>
          <th scope="col">Facts</th>
          <th scope="col">Card</th>
        </tr>
      </thead>
      <tbody>
        {preview.entities.flatMap((entity) => {
          const id = entity.id;
          const expanded = open?.row === id;
          const rows = [
            <tr key={id}>
              <th scope="row" dir="auto">
                {entity.name}
              </th>
              <td>{KIND_LABEL[entity.kind]}</td>
              <td dir="auto">{entity.role ?? ''}</td>
              <td>{entity.facts}</td>
              <td>
                <button type="button" aria-expanded={expanded} aria-controls={expanded ? `card-${id}` : undefined} onClick={() => setOpen(expanded ? undefined : { row: id, history: [id] })}>
                  {expanded ? 'Hide card' : 'Show card'}
                  <span class="visually-hidden">{` for ${entity.name}`}</span>
                </button>
              </td>
            </tr>,
          ];
          if (expanded && card) {
            rows.push(
              <tr key={`${id}-card`} id={`card-${id}`}>
                <td colSpan={5} class="preview-card">
                  <FactCard
                    card={card}
                    theme={theme}
                    // Not saved yet: the viewer can't show it, so sentences are not linked anywhere.
                    sourceHref={() => '#'}
                    onOpenSource={() => {}}
                    onOpenRelated={(other) => cards.has(other) && setOpen({ row: id, history: visit(open.history, other) })}
                    back={previous && { name: previous.name, onBack: () => setOpen({ row: id, history: back(open.history) }) }}
                  />
                </td>
              </tr>,
            );
          }
          return rows;
        })}
      </tbody>
    </table>
  );
}
