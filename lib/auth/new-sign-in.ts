import { mailTime } from "../dates";
import { isLocale, defaultLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";
import { logger } from "../logger";
import { sendMail } from "../mail/send";
import { renderMail } from "../mail/templates";
import type { Account } from "../users";
import { rememberDevice } from "./device";
import type { Client } from "./sessions";
import { describeClient } from "./user-agent";

/**
 * Called in a server action once every factor was checked: marks this browser as the account's
 * (device cookie) and, when the account has signed in before but never from this browser, mails
 * the owner when (with time zone), from which browser, system and address, and what to do if it
 * was not them. Returns whether the browser was new to the account.
 */
export async function noticeNewBrowser(user: Account & { lastSignInAt: Date | null }, client: Client, now = new Date()): Promise<boolean> {
  const { known } = await rememberDevice(user.id);
  if (known || !user.lastSignInAt) return !known;
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const words = messages[locale].sessions;
  const { browser, system } = describeClient(client.userAgent);
  const mail = renderMail("newSignIn", user, {
    time: mailTime(now, locale),
    browser: browser ?? words.unknownBrowser,
    system: system ?? words.unknownSystem,
    address: client.ip ?? words.unknownAddress,
  });
  // A notice that cannot be sent must not stop the owner from signing in.
  await sendMail(mail).catch((error: unknown) => logger.error({ err: error, userId: user.id }, "new sign-in notice not sent"));
  return true;
}
