import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readPageText } from '../../scripts/page-text';

const scan = (...files: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/scan.ts', ...files], { encoding: 'utf8' });

describe('npm run scan', () => {
  it('prints one JSON line per mention with offsets into the page text', async () => {
    const file = 'tests/fixtures/devset/broadsheet.html';
    const { stdout, status } = scan(file, 'data/article.txt');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    const page = (await readPageText(file)).text;
    const fromPage = lines.filter((l) => l.file === file);
    expect(fromPage.length).toBeGreaterThan(20);
    for (const l of fromPage) {
      expect(Object.keys(l)).toEqual(['file', 'entity', 'name', 'kind', 'text', 'start', 'end', 'score']);
      expect(page.slice(l.start, l.end)).toBe(l.text);
    }
    const article = lines.filter((l) => l.file === 'data/article.txt');
    expect(article.find((l) => l.text === 'Mark Rutte')).toMatchObject({ entity: 'mark-rutte', kind: 'person', score: 1 });
  }, 30_000);

  it('reports an unreadable file and exits non-zero', () => {
    const { stderr, status } = scan('no/such/file.txt');
    expect(status).toBe(1);
    expect(stderr).toMatch(/no\/such\/file\.txt/);
  }, 30_000);
});
