/**
 * Files in and out of the options page: a JSON download through a Blob URL
 * and an <a download>, and reading a chosen file as text with a size limit
 * checked before a byte is read (a wrong 2 GB file should not freeze the page).
 */

export function downloadJson(filename: string, value: unknown): void {
  downloadText(filename, `${JSON.stringify(value, null, 2)}\n`);
}

/** Downloads text that is already JSON (a library export) as a file. */
export function downloadText(filename: string, text: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

export async function readTextFile(file: File, maxBytes: number, limitText: string): Promise<string> {
  if (file.size > maxBytes) throw new FileTooLargeError(`“${file.name}” is too large (the limit is ${limitText}). Nothing was changed.`);
  return file.text();
}

/** The file an <input type="file"> change event chose; clears the input so the same file can be chosen again. */
export function takeChosenFile(event: Event): File | undefined {
  const input = event.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  return file;
}

/** A safe file name from a title. */
export function fileNameOf(title: string, suffix: string): string {
  const base = title.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'fact-cards';
  return `${base}${suffix}`;
}
