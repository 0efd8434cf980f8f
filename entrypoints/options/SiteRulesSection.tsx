/** The pause list and the "only on these sites" list, each with validated adding. */
import { useState } from 'preact/hooks';
import type { SiteRules } from '@/lib/settings/site-rules';
import { Section } from './controls';
import { checkNewPattern } from './new-pattern';

export type SaveSiteRules = (rules: SiteRules, what: string) => Promise<void>;

export function SiteRulesSection({ rules, save }: { rules: SiteRules; save: SaveSiteRules }) {
  return (
    <Section id="sites" title="Sites">
      <p class="hint">
        Type a host name such as <code>example.com</code>, or <code>*.example.com</code> for the site and all its subdomains.
        Pasted addresses are shortened to their host.
      </p>
      <SiteList
        id="paused"
        title="Paused on these sites"
        empty="No paused sites."
        patterns={rules.paused}
        onChange={(paused, what) => save({ ...rules, paused }, what)}
      />
      <SiteList
        id="only-on"
        title="Only on these sites"
        empty="No list: fact cards work on every site that is not paused."
        patterns={rules.onlyOn}
        onChange={(onlyOn, what) => save({ ...rules, onlyOn }, what)}
      />
    </Section>
  );
}

interface SiteListProps {
  id: string;
  title: string;
  empty: string;
  patterns: string[];
  onChange: (patterns: string[], what: string) => Promise<void>;
}

function SiteList({ id, title, empty, patterns, onChange }: SiteListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const listName = title.toLowerCase();

  const add = async (e: Event) => {
    e.preventDefault();
    const checked = checkNewPattern(draft, patterns);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    setError('');
    setDraft('');
    await onChange([...patterns, checked.pattern], `added ${checked.pattern} to “${title}”`);
  };

  return (
    <div class="site-list">
      <h3 id={`${id}-title`}>{title}</h3>
      {patterns.length === 0 ? (
        <p class="hint">{empty}</p>
      ) : (
        <ul aria-labelledby={`${id}-title`}>
          {patterns.map((p) => (
            <li key={p}>
              <code>{p}</code>{' '}
              <button type="button" onClick={() => onChange(patterns.filter((x) => x !== p), `removed ${p} from “${title}”`)}>
                Remove<span class="visually-hidden">{` ${p} from ${listName}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add} noValidate>
        <label for={`${id}-new`}>Add a site to “{title}”</label>
        <input
          type="text"
          id={`${id}-new`}
          value={draft}
          autocomplete="off"
          spellcheck={false}
          placeholder="example.com"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Add</button>
      </form>
      <p class="error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </div>
  );
}
