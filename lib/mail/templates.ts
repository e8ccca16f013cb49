import { createTranslator } from "next-intl";
import { config } from "../config";
import { isLocale, defaultLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";
import type { Mail } from "./send";

type MailMessages = (typeof messages)["en"]["mail"];
export type Template = Exclude<keyof MailMessages, "greeting" | "signature" | "codesHidden">;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A message in the recipient's language. Each template is a subject and a body in messages/*.json
 * under "mail"; `secretLines` (recovery codes) are added verbatim after the body, and are left out
 * of the copy that the outbox shows and keeps once the mail is delivered.
 */
export function renderMail(
  template: Template,
  recipient: { email: string; name: string; locale: string },
  values: Record<string, string | number> = {},
  secretLines: string[] = [],
): Mail {
  const mail = { ...compose(template, recipient, values, secretLines), kind: template };
  if (!secretLines.length) return mail;
  const hidden = compose(template, recipient, values, [t(recipient.locale)("codesHidden")]);
  return { ...mail, outboxCopy: { text: hidden.text, html: hidden.html } };
}

// One translator per language, made once: a reminder run renders tens of thousands of mails.
const translators = new Map<string, ReturnType<typeof makeTranslator>>();
const makeTranslator = (l: keyof typeof messages) => createTranslator({ locale: l, messages: messages[l], namespace: "mail" });

function t(locale: string) {
  const l = isLocale(locale) ? locale : defaultLocale;
  if (!translators.has(l)) translators.set(l, makeTranslator(l));
  return translators.get(l)!;
}

function compose(
  template: Template,
  recipient: { email: string; name: string; locale: string },
  values: Record<string, string | number>,
  lines: string[],
): Mail {
  const translate = t(recipient.locale);
  const all = { app: config().APP_NAME, name: recipient.name, ...values };
  const subject = translate(`${template}.subject`, all);
  const paragraphs = [translate("greeting", all), ...translate(`${template}.body`, all).split("\n\n")];
  const signature = translate("signature", all);
  const text = [...paragraphs, ...(lines.length ? [lines.join("\n")] : []), signature].join("\n\n");
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(lines.length ? [`<pre style="font-size:16px">${lines.map(escapeHtml).join("\n")}</pre>`] : []),
    `<p>${escapeHtml(signature)}</p>`,
  ].join("\n");
  return { to: recipient.email, subject, text, html };
}
