"use client";

import { useTransition } from "react";
import { Globe } from "lucide-react";
import { changeLanguage } from "@/lib/actions/language";
import { Menu } from "@/components/ui/menu";

/** A menu of the languages, each in its own language; choosing one applies it at once. */
export function LanguageMenu({ current, names, label }: { current: string; names: Record<string, string>; label: string }) {
  const [pending, start] = useTransition();
  const choose = (locale: string) => {
    if (locale === current) return;
    const form = new FormData();
    form.set("locale", locale);
    start(() => changeLanguage(form));
  };
  return (
    <Menu
      label={label}
      className="js-only"
      trigger={
        <>
          <Globe aria-hidden />
          <span className="hidden sm:inline">{names[current]}</span>
          {pending && <span className="sr-only" role="status">…</span>}
        </>
      }
      value={current}
      onValueChange={choose}
      entries={Object.entries(names).map(([value, name]) => ({ kind: "radio", value, label: name, lang: value }))}
    />
  );
}
