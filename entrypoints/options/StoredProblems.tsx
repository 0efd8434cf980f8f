/**
 * What could not be read from storage, at the top of the page. Each bad
 * setting already fell back to its default on its own; an article that
 * can't be read is kept but not used. Nothing is wiped silently.
 */
export interface StoredProblemsProps {
  settings: string[];
  siteRules: string[];
  library: string[];
}

export function StoredProblems({ settings, siteRules, library }: StoredProblemsProps) {
  const groups = [
    { title: 'Settings (each one listed uses its default until you change it)', problems: settings },
    { title: 'Site lists (these entries are ignored)', problems: siteRules },
    { title: 'Articles (kept, but not used)', problems: library },
  ].filter((g) => g.problems.length > 0);
  if (groups.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="stored-problems-title">
      <h2 id="stored-problems-title">Some saved data could not be read</h2>
      {groups.map((g) => (
        <div key={g.title}>
          <h3>{g.title}</h3>
          <ul>
            {g.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
