// Pure (no server modules): the code field in the browser and the server read digits the same way.

const DECIMAL_DIGIT = /\p{Nd}/u;

// Unicode assigns decimal digits in runs of ten, 0 to 9: a digit's value is its distance from its run's start.
function digitValue(char: string): string {
  const cp = char.codePointAt(0)!;
  let back = 0;
  while (back < 64 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - back - 1))) back++;
  return String(back % 10);
}

/**
 * Typed text in the form codes are compared in: NFKC (full-width and other compatibility forms to
 * their plain letters and digits), then every remaining Unicode decimal digit (Arabic-Indic `٢`,
 * Persian `۲`, Devanagari `२`…) as its ASCII digit, as some phone keyboards type them.
 */
export function asciiDigits(input: string): string {
  return input.normalize("NFKC").replace(/\p{Nd}/gu, (d) => (d >= "0" && d <= "9" ? d : digitValue(d)));
}
