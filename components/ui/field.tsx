import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { CircleAlert } from "lucide-react";
import { controlClasses } from "./input";
import { cn } from "./cn";

type Labelled = { label: string; name: string; error?: string; hint?: string };
export type ControlAria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** The ids of a field's hint and error, for aria-describedby. */
const describedBy = (id: string, hint?: string, error?: string, extra?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`, extra].filter(Boolean).join(" ") || undefined;

/** A field's error line, tied to its control by id. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-danger font-medium">
      <CircleAlert aria-hidden className="size-4 mt-1 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/**
 * Label, hint and error around a control; the control gets the id, aria-invalid and
 * aria-describedby that tie them to it (WCAG 1.3.1, 3.3.1).
 */
export function FieldFrame({ id, label, hint, error, describedBy: extra, control, className }: { id: string; label: string; hint?: string; error?: string; describedBy?: string; control: (aria: ControlAria) => ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1 min-w-0", className)}>
      <label htmlFor={id} className="font-semibold">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error, extra) })}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

/** A labelled input; its error is tied to the input by aria-describedby. */
export function Field({ label, name, error, hint, id = name, className, "aria-describedby": extra, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return <FieldFrame id={id} label={label} hint={hint} error={error} describedBy={extra} className={className} control={(aria) => <input name={name} className={controlClasses()} {...input} {...aria} />} />;
}

/** Field's multi-line sibling. */
export function TextArea({ label, name, error, hint, id = name, className, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return <FieldFrame id={id} label={label} hint={hint} error={error} className={className} control={(aria) => <textarea name={name} className={controlClasses("min-h-28")} {...textarea} {...aria} />} />;
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & Labelled & { options: { value: string; label: string }[] };

/** A labelled native select (works without JavaScript, in GET filter forms too). */
export function Select({ label, name, error, hint, options, id = name, className, ...select }: SelectProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(aria) => (
        <select name={name} className={controlClasses()} {...select} {...aria}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    />
  );
}

/** One checkbox with its label beside it. */
export function Checkbox({ label, id, className, ref, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; id: string; ref?: Ref<HTMLInputElement> }) {
  return (
    <label htmlFor={id} className={cn("flex items-start gap-2 cursor-pointer", className)}>
      <input ref={ref} type="checkbox" id={id} className="mt-1 size-5 shrink-0 accent-accent" {...input} />
      <span>{label}</span>
    </label>
  );
}

type CheckboxesProps = { legend: string; name: string; id: string; options: { value: string; label: string }[]; checked?: string[]; error?: string };

/** A group of checkboxes under one legend; the group's error is announced with the legend. */
export function Checkboxes({ legend, name, id, options, checked = [], error }: CheckboxesProps) {
  return (
    <fieldset className="flex flex-col gap-2 min-w-0" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="font-semibold mb-1">{legend}</legend>
      {options.map((o) => (
        <Checkbox key={o.value} id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={checked.includes(o.value)} label={o.label} />
      ))}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}
