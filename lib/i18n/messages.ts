import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const messages: Record<Locale, Messages> = { en, fr, nl };
