import type { Ref } from 'preact';

export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  /** ↑ ↓ Home End Enter Escape, handled by the popup (combobox pattern: focus stays here). */
  onKeyDown: (event: KeyboardEvent) => void;
  listboxId: string;
  /** id of the highlighted option, if any */
  activeId?: string;
  expanded: boolean;
  inputRef: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onInput, onKeyDown, listboxId, activeId, expanded, inputRef }: SearchBoxProps) {
  return (
    <div class="search" role="search">
      <label class="search-label" for="search-input">Search facts</label>
      <input
        ref={inputRef}
        id="search-input"
        class="search-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-controls={listboxId}
        aria-expanded={expanded}
        aria-activedescendant={activeId}
        placeholder="A name, a place, a word from a fact…"
        autocomplete="off"
        spellcheck={false}
        maxLength={500}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
