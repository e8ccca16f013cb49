"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { Check } from "lucide-react";
import { buttonClasses, type ButtonVariant } from "./button";
import { cn } from "./cn";

export type MenuEntry =
  | { kind: "link"; href: string; label: ReactNode; current?: boolean; reload?: boolean }
  | { kind: "action"; label: ReactNode; onSelect: () => void }
  | { kind: "radio"; value: string; label: ReactNode; lang?: string }
  | { kind: "separator" };

const ITEM = "flex min-h-11 w-full items-center gap-2 rounded px-3 py-2 text-fg no-underline outline-none cursor-pointer data-[highlighted]:bg-accent-soft data-[highlighted]:text-fg";

/**
 * A menu button (Radix DropdownMenu: arrow keys, typeahead, Escape, focus back to the button).
 * `label` names a trigger that shows an icon only. Entries are links, actions, or one group of radio items (`value`/`onValueChange`).
 */
export function Menu({ trigger, label, entries, value, onValueChange, variant = "ghost", align = "end", className }: { trigger: ReactNode; label?: string; entries: MenuEntry[]; value?: string; onValueChange?: (value: string) => void; variant?: ButtonVariant; align?: "start" | "end"; className?: string }) {
  const radios = entries.filter((e) => e.kind === "radio");
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger aria-label={label} className={buttonClasses(variant, "md", className)}>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align={align} sideOffset={6} className="z-50 min-w-48 max-w-[calc(100vw-1rem)] rounded-md border border-line bg-surface p-1 shadow-lg">
          {radios.length > 0 && (
            <DropdownMenu.RadioGroup value={value} onValueChange={onValueChange}>
              {radios.map((e) => (
                <DropdownMenu.RadioItem key={e.value} value={e.value} lang={e.lang} className={ITEM}>
                  <span className="size-4">
                    <DropdownMenu.ItemIndicator><Check aria-hidden className="size-4" /></DropdownMenu.ItemIndicator>
                  </span>
                  {e.label}
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          )}
          {entries.map((e, i) => {
            if (e.kind === "separator") return <DropdownMenu.Separator key={i} className="my-1 h-px bg-line" />;
            if (e.kind === "link")
              return (
                <DropdownMenu.Item key={i} asChild className={cn(ITEM, e.current && "font-semibold")}>
                  {e.reload ? <a href={e.href} aria-current={e.current ? "page" : undefined}>{e.label}</a> : <Link href={e.href} aria-current={e.current ? "page" : undefined}>{e.label}</Link>}
                </DropdownMenu.Item>
              );
            if (e.kind === "action")
              return (
                <DropdownMenu.Item key={i} onSelect={e.onSelect} className={ITEM}>
                  {e.label}
                </DropdownMenu.Item>
              );
            return null;
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
