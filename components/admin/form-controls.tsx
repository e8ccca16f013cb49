import type { SelectHTMLAttributes } from "react";
import styles from "./admin.module.css";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; options: { value: string; label: string }[] };

export function Select({ label, name, options, id = name, ...select }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

type CheckboxesProps = { legend: string; name: string; id: string; options: { value: string; label: string }[]; checked?: string[]; error?: string };

/** A group of checkboxes under one legend; the group's error is announced with the legend. */
export function Checkboxes({ legend, name, id, options, checked = [], error }: CheckboxesProps) {
  return (
    <fieldset className={`field ${styles.checks}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} htmlFor={`${id}-${o.value}`}>
          <input type="checkbox" id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
          {o.label}
        </label>
      ))}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
