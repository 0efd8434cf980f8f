/**
 * What the page tells the user after an action: a polite status line for
 * saves and errors, and a toast with Undo for actions that can be taken back
 * (deleting a pack, resetting or importing settings). The toast stays until
 * the next one or until dismissed: no time limit to reach its button.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';

export interface Feedback {
  say(message: string): void;
  undoable(message: string, undo: () => Promise<void>, undoneMessage?: string): void;
}

interface Toast {
  message: string;
  undo: () => Promise<void>;
  undoneMessage: string;
}

export function useFeedback() {
  const [status, setStatus] = useState('');
  const [toast, setToast] = useState<Toast>();
  const undoRef = useRef<HTMLButtonElement>(null);
  const say = useCallback((message: string) => setStatus(message), []);
  const undoable = useCallback((message: string, undo: () => Promise<void>, undoneMessage = 'Undone.') => {
    setToast({ message, undo, undoneMessage });
    // The control that did the action may be gone (a deleted pack's row): Undo is the natural next stop.
    setTimeout(() => undoRef.current?.focus(), 0);
  }, []);
  const feedback: Feedback = useMemo(() => ({ say, undoable }), [say, undoable]);

  const runUndo = async () => {
    if (!toast) return;
    setToast(undefined);
    try {
      await toast.undo();
      setStatus(toast.undoneMessage);
    } catch (e) {
      setStatus(`Could not undo: ${(e as Error).message}`);
    }
  };

  const area = (
    <div class="feedback">
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      <div class="toast-region" aria-live="polite">
        {toast && (
          <div class="toast">
            <span>{toast.message}</span>
            <button type="button" ref={undoRef} onClick={runUndo}>
              Undo
            </button>
            <button type="button" onClick={() => setToast(undefined)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </div>
  );
  return { feedback, area };
}
