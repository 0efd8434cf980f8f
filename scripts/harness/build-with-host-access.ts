/**
 * A copy of a built extension whose manifest also grants the fixture
 * server's address. Saving a tab's article injects the extractor with
 * `activeTab`, which a browser grants only for a real click on the toolbar
 * button or a menu item — a click automation cannot make. Tests and the
 * screenshot script use this copy for capture; the shipped manifest has no
 * host permission.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE_HOSTS = 'http://127.0.0.1/*';

export function buildWithHostAccess(builtDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fact-cards-host-access-'));
  cpSync(builtDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  // MV3 lists host access apart; MV2 (the Firefox build) among the permissions.
  if (manifest.manifest_version === 3) manifest.host_permissions = [FIXTURE_HOSTS];
  else manifest.permissions = [...(manifest.permissions ?? []), FIXTURE_HOSTS];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
