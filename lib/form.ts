/** A form field as text; anything else (a file, a missing field) reads as empty. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
