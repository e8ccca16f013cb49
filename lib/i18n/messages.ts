import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const messages: Record<Locale, Messages> = { en, fr, nl };

// Every page's RSC payload carries the messages its client components may read; these two are most
// of the file and no client component outside /admin reads them: mails are rendered on the server,
// and the console's own provider (app/admin/layout.tsx) adds its messages to the admin pages.
const SERVER_OR_ADMIN_ONLY = new Set(["mail", "console"]);

/** `all` (a locale's messages) without the namespaces only the server and the admin pages read. */
export function browserMessages(all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([namespace]) => !SERVER_OR_ADMIN_ONLY.has(namespace)));
}
