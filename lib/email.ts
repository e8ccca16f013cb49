import { domainToASCII, domainToUnicode } from "node:url";

// The one rule for an email address, used by the sign-in form, the CLI, the admin tools and the
// lost-access form alike. It accepts what mail systems deliver to and refuses what none does:
// - local part: RFC 5322 dot-atom (letters, digits and !#$%&'*+/=?^_`{|}~-), extended by
//   RFC 6531 to any non-ASCII letter (`jörg`); dots only between atoms (`x..y`, `.x`, `x.` are
//   refused); quoted local parts ("a b"@…) are refused: no mainstream provider hands them out;
// - domain: an internationalized domain name as WHATWG's URL standard reads it (UTS #46, so the
//   Unicode `exämple.com` and its punycode `xn--exmple-cua.com` are the same domain), with at
//   least two labels (`localhost` and other dotless names are refused: public mail is never
//   delivered to them, RFC 7085), no IP literals, and a top-level label that is not all digits;
// - lengths: local part at most 64 octets, the whole at most 254 (RFC 5321 with RFC 3696 errata).
const ATOM = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\p{ASCII}\p{C}\p{Z}])+$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_LENGTH = 254;
const MAX_LOCAL_OCTETS = 64;

const octets = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * The stored form of an email address, or null if it is not one (rules above). The stored form is
 * trimmed, NFC-normalized and lower-cased, with the domain in Unicode (`jörg@exämple.com`,
 * whether typed as Unicode or as punycode). Never throws.
 */
export function normalizeEmail(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_LENGTH * 4) return null;
  const email = input.trim().normalize("NFC");
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const local = email.slice(0, at).toLowerCase();
  const ascii = domainToASCII(email.slice(at + 1));
  if (!local.split(".").every((atom) => ATOM.test(atom)) || octets(local) > MAX_LOCAL_OCTETS) return null;
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^[0-9]+$/.test(labels.at(-1)!)) return null;
  if (octets(`${local}@${ascii}`) > MAX_LENGTH) return null;
  return `${local}@${domainToUnicode(ascii)}`;
}

/**
 * Every form in which an address may have been stored: the normalized form, and the same with the
 * domain in punycode (accounts created before domains were stored in Unicode). Empty if invalid.
 */
export function storedForms(input: unknown): string[] {
  const email = normalizeEmail(input);
  if (!email) return [];
  const at = email.lastIndexOf("@");
  const ascii = `${email.slice(0, at)}@${domainToASCII(email.slice(at + 1))}`;
  return ascii === email ? [email] : [email, ascii];
}
