import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "./db";
import { hashPassword, verifyPassword } from "./auth/password";
import { normalizeEmail } from "./email";
import type { Role } from "./users";
import type { Locale } from "./i18n/locales";

type DemoAccount = { email: string; password: string; name: string; role: Role; locale: Locale };
type SavedAccount = DemoAccount & { id?: string };

const DEMO: Omit<DemoAccount, "password">[] = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", locale: "en" },
  { email: "support@demo.test", name: "Sam Support", role: "admin", locale: "nl" },
  { email: "alice@demo.test", name: "Alice Martin", role: "user", locale: "fr" },
  { email: "bob@demo.test", name: "Bob Peeters", role: "user", locale: "nl" },
  { email: "carol@demo.test", name: "Carol Smith", role: "user", locale: "en" },
];

// How long an instance that lost the race to create the accounts waits for the winner's file.
const WAIT_FOR_FILE_MS = 5_000;

function readSaved(file: string): SavedAccount[] | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SavedAccount[];
  } catch {
    return null;
  }
}

/** Whether this database holds these accounts: same ids (files from before ids were kept: same passwords). */
async function heldHere(saved: SavedAccount[]): Promise<boolean> {
  const users = await db.user.findMany({ where: { email: { in: saved.map((a) => (normalizeEmail(a.email) ?? a.email)) } }, select: { id: true, email: true, passwordHash: true } });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  for (const a of saved) {
    const user = byEmail.get((normalizeEmail(a.email) ?? a.email));
    if (!user) return false;
    if (a.id ? a.id !== user.id : !(await verifyPassword(a.password, user.passwordHash))) return false;
  }
  return true;
}

/**
 * Creates the demo accounts on an empty database, with random passwords kept in `file` so that
 * every later start can print them again. Returns the accounts to print: only ones this database
 * holds (a file left from another database prints nothing), [] when the database has other users.
 * Safe when several instances start at once: the accounts are created in one transaction, and
 * an instance that loses the race (a unique-email conflict) creates nothing and does not fail.
 */
export async function ensureDemoAccounts(file: string): Promise<DemoAccount[]> {
  const saved = readSaved(file);
  if (saved && (await heldHere(saved))) return saved.map(({ id: _id, ...a }) => a);
  if ((await db.user.count()) > 0) return [];
  const accounts = DEMO.map((a) => ({ ...a, password: `demo-${randomBytes(6).toString("base64url")}` }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  let ids: string[];
  try {
    ids = await db.$transaction(async (tx) => {
      const created: string[] = [];
      for (const [i, a] of accounts.entries()) {
        const user = await tx.user.create({ data: { email: (normalizeEmail(a.email) ?? a.email), name: a.name, role: a.role, locale: a.locale, passwordHash: hashes[i]! } });
        created.push(user.id);
      }
      return created;
    });
  } catch (error) {
    if ((await db.user.count()) === 0) throw error;
    // Another instance created them first: print them only once its file shows they are these.
    for (let waited = 0; waited < WAIT_FOR_FILE_MS; waited += 250) {
      const theirs = readSaved(file);
      if (theirs?.every((a) => a.id) && (await heldHere(theirs))) return theirs.map(({ id: _id, ...a }) => a);
      await sleep(250);
    }
    return [];
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(accounts.map((a, i) => ({ ...a, id: ids[i] })), null, 2), { mode: 0o600 });
  return accounts;
}
