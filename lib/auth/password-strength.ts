import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { config } from "../config";
import { passwordProblem } from "./password";

// zxcvbn's score 3 means "safely unguessable: moderate protection from an offline attack"
// (about 10^8 guesses or more); below it the password is in the common lists or follows a pattern.
const MIN_SCORE = 3;
// A word from the user's own data shorter than this (a 3-letter first name) is not "built from" it.
const MIN_PERSONAL_LENGTH = 4;

export type StrengthProblem = "passwordRules.common" | "passwordRules.personal";

let factory: ZxcvbnFactory | undefined;

// Built on first use: ranking the dictionaries takes a moment and most processes never set a password.
function estimator(): ZxcvbnFactory {
  return (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));
}

/** The words an attacker who knows the account would try first: its email, name and the product's name. */
export function personalWords(account: { email?: string; name?: string }): string[] {
  const words = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value) return;
    const lower = value.trim().toLowerCase();
    if (lower) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= MIN_PERSONAL_LENGTH) words.add(part);
  };
  add(account.email);
  add(account.email?.split("@")[0]);
  add(account.name);
  add(config().APP_NAME);
  return [...words];
}

/**
 * Why a password may not be set, or null when it may: the length rules of lib/auth/password.ts
 * first (at least 10 characters, at most 72 bytes), then NIST SP 800-63B's blocklist rule, with
 * zxcvbn-ts and its common dictionaries (leaked passwords, common words, names, keyboard patterns):
 * a password that is easy to guess, or built from the account's email, name or the product's name,
 * is refused. Returns a message key (messages/*.json); never throws.
 */
export function passwordStrengthProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  const length = passwordProblem(password);
  if (length) return length;
  const result = estimator().check(password, personalWords(account));
  const personal = result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs" && match.token.length >= MIN_PERSONAL_LENGTH);
  if (personal && result.score < 4) return "passwordRules.personal";
  if (result.score < MIN_SCORE) return "passwordRules.common";
  return null;
}
