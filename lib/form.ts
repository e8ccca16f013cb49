// The one place submitted input is read. A server action's FormData parameter may be anything
// (a forged request can post any argument shape), and text may carry what PostgreSQL cannot
// store (NUL) or what is not Unicode at all (lone surrogates): both are cleaned here, so every
// action and query gets text that both databases accept.

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text both databases store as given: NUL bytes removed, lone surrogates as U+FFFD. */
export function cleanText(value: string): string {
  return value.replace(NUL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** A form field as clean text; anything else (a file, a missing field, a form that is no FormData) reads as empty. */
export function text(form: unknown, name: string): string {
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === "string" ? cleanText(value) : "";
}

/** Every text value of a repeated field (checkboxes), cleaned; empty when the form is no FormData. */
export function texts(form: unknown, name: string): string[] {
  if (!(form instanceof FormData)) return [];
  return form.getAll(name).flatMap((value) => (typeof value === "string" ? [cleanText(value)] : []));
}

/** A field holding JSON (a browser's WebAuthn answer), parsed; null when missing, longer than `max` characters or not JSON. */
export function jsonField(form: unknown, name: string, max = 20_000): unknown {
  const raw = text(form, name);
  if (!raw || raw.length > max) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

// Ids are cuids (or the random ids of sessions): checked by shape before any query uses them.
const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `value` can be a row id at all; what fails this is never sent to the database. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_SHAPE.test(value);
}

/** The names of the top-level fields a failed zod parse of a form complains about. */
export function fieldsWithIssues(error: { issues: { path: PropertyKey[] }[] }): Set<string> {
  return new Set(error.issues.map((i) => String(i.path[0])));
}
