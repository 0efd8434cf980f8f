/**
 * The envelope every file Fact Cards writes: JSON with `format` and
 * `version`. Reading one says exactly why a file is refused (too large, not
 * JSON, another kind of file, a version this build can't read) before the
 * content's own checks run.
 */
export type FileRead = { ok: true; version: number; file: Record<string, unknown> } | { ok: false; problems: string[] };

export function readVersionedFile(
  text: string,
  expect: { formats: readonly string[]; versions: readonly number[]; maxBytes: number; what: string },
): FileRead {
  if (text.length > expect.maxBytes) {
    const size = expect.maxBytes >= 1e6 ? `${expect.maxBytes / 1e6} MB` : `${expect.maxBytes / 1000} KB`;
    return { ok: false, problems: [`the file is larger than ${size}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not valid JSON (${(e as Error).message})`] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problems: [`not ${expect.what} (expected a JSON object)`] };
  const file = value as Record<string, unknown>;
  if (!expect.formats.includes(file.format as string)) {
    return { ok: false, problems: [`not ${expect.what} ("format" is not ${expect.formats.map((f) => `"${f}"`).join(' or ')})`] };
  }
  if (!expect.versions.includes(file.version as number)) {
    return { ok: false, problems: [`unknown version ${JSON.stringify(file.version)}; this version of Fact Cards reads version ${expect.versions.join(' or ')}`] };
  }
  return { ok: true, version: file.version as number, file };
}
