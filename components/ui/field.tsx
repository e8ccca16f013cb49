import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

type Labelled = { label: string; name: string; error?: string; hint?: string };

/** The ids of a field's hint and error, for aria-describedby. */
const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

/** Label, hint and error around a control; the control gets the attributes that tie them to it. */
function Frame({ id, label, hint, error, control }: { id: string; label: string; hint?: string; error?: string; control: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) })}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}

/** A labelled input; its error is announced and tied to the input by aria-describedby. */
export function Field({ label, name, error, hint, id = name, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return <Frame id={id} label={label} hint={hint} error={error} control={(aria) => <input name={name} {...aria} {...input} />} />;
}

/** Field's multi-line sibling. */
export function TextArea({ label, name, error, hint, id = name, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return <Frame id={id} label={label} hint={hint} error={error} control={(aria) => <textarea name={name} {...aria} {...textarea} />} />;
}
