// A spreadsheet runs a cell that starts like a formula; a leading quote makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * The separator Excel expects when it opens a CSV file by double-click: its "list separator",
 * which is a comma in English regional settings and a semicolon in French, Belgian and Dutch ones
 * (where the comma is the decimal mark). A UTF-8 BOM alone fixes the accents, not the columns,
 * and a "sep=" first line would make Excel ignore the BOM: so the separator follows the language.
 */
export const csvSeparator = (locale: string): "," | ";" => (locale === "en" ? "," : ";");

/** The byte-order mark that makes Excel read the file as UTF-8 (otherwise "Zoë" reads "ZoÃ«"). */
export const CSV_BOM = "\uFEFF";

export function csvCell(value: CsvValue, separator: "," | ";" = ","): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (RFC 4180), ended by CRLF; `separator` per csvSeparator. */
export function csvLine(values: CsvValue[], separator: "," | ";" = ","): string {
  return `${values.map((v) => csvCell(v, separator)).join(separator)}\r\n`;
}
