/**
 * A stored value read once and then kept current by its storage watcher, so
 * the page shows changes made anywhere (the popup, another options tab).
 */
import { useEffect, useState } from 'preact/hooks';

export function useStored<T>(
  load: () => Promise<T>,
  watch: (callback: (value: T) => void) => () => void,
): [T | undefined, (value: T) => void] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    // Watch first, so a change between the read and the watch is not missed.
    const stop = watch((next) => live && setValue(next));
    load().then((first) => live && setValue(first));
    return () => {
      live = false;
      stop();
    };
  }, [load, watch]);
  return [value, setValue];
}
