/**
 * A counter the background moves after every change to the library (a save,
 * a delete, an article switched on or off). Pages and extension pages watch
 * it to rescan or reload; it carries nothing of the library itself.
 */
import { storage } from 'wxt/utils/storage';

export const libraryVersionItem = storage.defineItem<number>('local:libraryVersion', { fallback: 0 });

export function watchLibraryVersion(callback: () => void): () => void {
  return libraryVersionItem.watch(() => callback());
}
