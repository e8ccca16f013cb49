import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The ids of a field's hint and error, for aria-describedby. */
export const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

type Labelled = { label: string; name: string; error?: string; hint?: string };

/** A labelled input; its error is announced and tied to the input by aria-describedby. */
export function Field({ label, name, error, hint, id = name, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}

/** Field's multi-line sibling. */
export function TextArea({ label, name, error, hint, id = name, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
