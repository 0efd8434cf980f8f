/**
 * Valibot issues as the sentences people read: `entities[3].kind: expected
 * one of …`. Every trust boundary reports problems this way.
 */
import * as v from 'valibot';

/** `a.b[2].c` for an issue's path (empty at the root). */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (key !== undefined) out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function problemsOf(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const at = pathOf(issue);
    return at ? `${at}: ${issue.message}` : issue.message;
  });
}

/** The value when it fits `schema`, with the problems otherwise (never throws). */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; problems: string[] } {
  const result = v.safeParse(schema, value);
  return result.success ? { ok: true, value: result.output } : { ok: false, problems: problemsOf(result.issues) };
}

/** A short summary of several problems for one line of UI. */
export function summarise(problems: readonly string[], max = 3): string {
  const shown = problems.slice(0, max).join('; ');
  return problems.length > max ? `${shown} (+${problems.length - max} more)` : shown;
}
