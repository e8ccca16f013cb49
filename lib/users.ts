import { db } from "./db";
import { hashPassword } from "./auth/password";
import { revokeSessions, type Client } from "./auth/sessions";
import { normalizeEmail, storedForms } from "./email";
import { renderMail } from "./mail/templates";
import { defaultLocale, type Locale } from "./i18n/locales";
import { reportedChange } from "./reported-change";

export type Role = "user" | "admin";

/** What the 2FA and support code needs of an account: who it is, and how to write to them. */
export type Account = { id: string; email: string; name: string; locale: string };

/** The account with this address (lib/email.ts's rule, domain as Unicode or punycode), or null. */
export async function findUserByEmail(email: unknown) {
  const forms = storedForms(email);
  return forms.length ? db.user.findFirst({ where: { email: { in: forms } }, orderBy: { createdAt: "asc" } }) : null;
}

/** Creates an account; throws when the address breaks lib/email.ts's rule (callers check first). */
export async function createUser(input: { email: string; password: string; name?: string; role?: Role; locale?: Locale }) {
  const email = normalizeEmail(input.email);
  if (!email) throw new Error(`not a valid email address: ${input.email}`);
  return db.user.create({
    data: {
      email,
      name: input.name?.trim() || email.split("@")[0]!,
      passwordHash: await hashPassword(input.password),
      role: input.role ?? "user",
      locale: input.locale ?? defaultLocale,
    },
  });
}

/**
 * Sets a new password and ends what the old one opened (every session, pending sign-in and ticket
 * of the user), records it and queues the "password changed" mail, in one transaction (the hash is
 * made before it opens). Returns the number of sessions ended. Throws on a password that breaks the
 * length rules; the caller checks strength first (lib/auth/password-strength.ts).
 */
export async function changePassword(user: Account, password: string, by: { client?: Client; actorId?: string } = {}): Promise<{ signedOut: number }> {
  const passwordHash = await hashPassword(password);
  const signedOut = await reportedChange(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const count = await revokeSessions(user.id, undefined, tx);
    return {
      value: count,
      audit: { event: "password.changed", userId: user.id, actorId: by.actorId, client: by.client, details: { sessions: count } },
      mail: renderMail("passwordChanged", user),
    };
  });
  return { signedOut };
}

export function listUsers() {
  return db.user.findMany({ orderBy: { email: "asc" } });
}
