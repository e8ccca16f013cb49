import assert from "node:assert/strict";
import { test } from "node:test";
import { languageName, localeFromAcceptLanguage } from "./locales";
import { messages } from "./messages";

test("the browser's preferred supported language wins, by q weight", () => {
  assert.equal(localeFromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8"), "nl");
  assert.equal(localeFromAcceptLanguage("de-DE,fr;q=0.5,en;q=0.7"), "en");
  assert.equal(localeFromAcceptLanguage("fr-CA"), "fr");
  assert.equal(localeFromAcceptLanguage("de, es;q=0.5"), "en");
  assert.equal(localeFromAcceptLanguage("fr;q=0, nl;q=0.1"), "nl");
  assert.equal(localeFromAcceptLanguage(undefined), "en");
  assert.equal(localeFromAcceptLanguage(";;;,,q=abc"), "en");
});

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test("French and Dutch have every text that English has, and no other", () => {
  const en = keys(messages.en).sort();
  for (const locale of ["fr", "nl"] as const) {
    assert.deepEqual(keys(messages[locale]).sort(), en, `${locale} differs from en`);
    for (const key of en) {
      const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages[locale]);
      assert.ok(typeof text === "string" && text.trim().length > 0, `${locale}.${key} is empty`);
    }
  }
});

test("French texts put a non-breaking space before : ; ? ! and inside « » (French typography)", () => {
  const texts = (value: unknown, prefix: string): [string, string][] =>
    typeof value === "string" ? [[prefix, value]] : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => texts(v, `${prefix}.${k}`));
  const bad = texts(messages.fr, "fr").filter(([, text]) => {
    const prose = text.replace(/https?:\/\/\S+/g, "");
    return / [;:?!]/.test(prose) || /« | »/.test(prose);
  });
  assert.deepEqual(bad, []);
});

test("a language is named in the reader's language, for sentences and labels ('Antwoorden in het Engels')", () => {
  assert.equal(languageName("en", "nl"), "Engels");
  assert.equal(languageName("en", "fr"), "anglais");
  assert.equal(languageName("nl", "en"), "Dutch");
  assert.equal(languageName("not a tag!", "en"), "not a tag!");
});
