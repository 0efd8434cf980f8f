/**
 * The entities a freshly built pack would add: name, kind, role and number
 * of facts, each expandable to the card it would show on pages.
 */
import { useMemo, useState } from 'preact/hooks';
import { FactCard } from '@/components/FactCard';
import { KIND_LABEL } from '@/components/kind-label';
import { cardOf, sourcePath } from '@/lib/cards';
import type { FactIndex } from '@/lib/fact-index/schema';
import { entitiesOf, globalEntityId } from '@/lib/packs';
import type { Theme } from '@/lib/settings';

export function PackPreview({ index, theme }: { index: FactIndex; theme: Theme }) {
  const entities = useMemo(() => entitiesOf([index]), [index]);
  /** Cards opened in the expanded row, the shown one last (related chips push onto it). */
  const [open, setOpen] = useState<{ row: string; history: string[] }>();

  if (index.entities.length === 0) {
    return <p class="error">No people, places, organisations or terms were found in this text, so there is nothing to save.</p>;
  }

  const shown = open && cardOf(entities, open.history[open.history.length - 1]);
  const previous = open && open.history.length > 1 ? entities.get(open.history[open.history.length - 2]) : undefined;

  return (
    <table class="preview-table">
      <caption>
        {index.entities.length} {index.entities.length === 1 ? 'entity' : 'entities'} found in “{index.article.title}”
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
        {index.entities.flatMap((entity) => {
          const id = globalEntityId(index.article.id, entity.id);
          const expanded = open?.row === id;
          const rows = [
            <tr key={id}>
              <th scope="row" dir="auto">
                {entity.name}
              </th>
              <td>{KIND_LABEL[entity.kind]}</td>
              <td dir="auto">{entity.role?.text ?? ''}</td>
              <td>{entity.facts.length}</td>
              <td>
                <button type="button" aria-expanded={expanded} aria-controls={expanded ? `card-${id}` : undefined} onClick={() => setOpen(expanded ? undefined : { row: id, history: [id] })}>
                  {expanded ? 'Hide card' : 'Show card'}
                  <span class="visually-hidden">{` for ${entity.name}`}</span>
                </button>
              </td>
            </tr>,
          ];
          if (expanded && shown) {
            rows.push(
              <tr key={`${id}-card`} id={`card-${id}`}>
                <td colSpan={5} class="preview-card">
                  <FactCard
                    card={shown}
                    theme={theme}
                    sourceHref={(articleId, sentenceId) => sourcePath(articleId, sentenceId)}
                    nameOf={(other) => entities.get(other)?.entity.name}
                    onOpenRelated={(other) => setOpen({ row: id, history: [...open.history, other] })}
                    back={previous && { name: previous.entity.name, onBack: () => setOpen({ row: id, history: open.history.slice(0, -1) }) }}
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
