/** Labelled form controls the sections share: every input has a <label for>, every group a <legend>. */
import type { ComponentChildren } from 'preact';

export interface CheckboxProps {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function Checkbox({ id, label, checked, onChange, hint }: CheckboxProps) {
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export interface RadioGroupProps<T extends string> {
  name: string;
  legend: string;
  value: T;
  choices: readonly { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}

export function RadioGroup<T extends string>({ name, legend, value, choices, onChange }: RadioGroupProps<T>) {
  return (
    <fieldset class="field radios">
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div class="radio" key={choice.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
              onChange={() => onChange(choice.value)}
            />
            <label for={id}>{choice.label}</label>
            {choice.hint && (
              <span class="hint" id={`${id}-hint`}>
                {choice.hint}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A section of the page: an <h2> and its content, labelled by the heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
