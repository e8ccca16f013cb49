import { db } from "./db";
import { hashPassword } from "./auth/password";
import { nudgeDeliverer } from "./mail/deliverer";
import { enqueueMail } from "./mail/send";
import { renderMail } from "./mail/templates";
import { defaultLocale, type Locale } from "./i18n/locales";

export type Role = "user" | "admin";

/** What the 2FA and support code needs of an account: who it is, and how to write to them. */
export type Account = { id: string; email: string; name: string; locale: string };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: normalizeEmail(email) } });
}

export async function createUser(input: { email: string; password: string; name?: string; role?: Role; locale?: Locale }) {
  const email = normalizeEmail(input.email);
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

export async function setPassword(userId: string, password: string) {
  return db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

/** Sets a new password and queues the "password changed" mail, in one transaction (the hash is made before it opens). */
export async function changePassword(user: Account, password: string) {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await enqueueMail(tx, renderMail("passwordChanged", user));
  });
  nudgeDeliverer();
}

export function listUsers() {
  return db.user.findMany({ orderBy: { email: "asc" } });
}
