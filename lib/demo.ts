import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { db } from "./db";
import { createUser, type Role } from "./users";
import type { Locale } from "./i18n/locales";

type DemoAccount = { email: string; password: string; name: string; role: Role; locale: Locale };

const DEMO: Omit<DemoAccount, "password">[] = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", locale: "en" },
  { email: "support@demo.test", name: "Sam Support", role: "admin", locale: "nl" },
  { email: "alice@demo.test", name: "Alice Martin", role: "user", locale: "fr" },
  { email: "bob@demo.test", name: "Bob Peeters", role: "user", locale: "nl" },
  { email: "carol@demo.test", name: "Carol Smith", role: "user", locale: "en" },
];

/**
 * Creates the demo accounts on an empty database, with random passwords kept in `file` so that
 * every later start can print them again. Returns the accounts to print, or [] when the
 * database already had users that are not ours.
 */
export async function ensureDemoAccounts(file: string): Promise<DemoAccount[]> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoAccount[];
  if ((await db.user.count()) > 0) return [];
  const accounts = DEMO.map((a) => ({ ...a, password: `demo-${randomBytes(6).toString("base64url")}` }));
  for (const a of accounts) await createUser(a);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}
