import type { ReactNode } from "react";
import { ChevronDown } from "lucide-react";
import { buttonClasses, type ButtonVariant } from "./button";
import { cn } from "./cn";
import { MenuCloser } from "./menu-closer";

/**
 * A menu button built on <details>/<summary> (the disclosure pattern): it opens and its links
 * and forms work without JavaScript, and costs no script on the pages every visitor loads; with
 * JavaScript, Escape and a click elsewhere close it (MenuCloser). `label` is read before the
 * visible text of the button ("Language: English"); children are the entries (menuItemClasses).
 */
export function Menu({ trigger, label, children, variant = "ghost", align = "end", className }: { trigger: ReactNode; label?: string; children: ReactNode; variant?: ButtonVariant; align?: "start" | "end"; className?: string }) {
  return (
    <details className={cn("group relative", className)}>
      <summary className={cn(buttonClasses(variant, "md"), "list-none [&::-webkit-details-marker]:hidden")}>
        {label && <span className="sr-only">{label} </span>}
        {trigger}
        <ChevronDown aria-hidden className="transition-transform group-open:rotate-180" />
      </summary>
      <div className={cn("absolute z-50 mt-1.5 min-w-52 max-w-[calc(100vw-1.5rem)] rounded-md border border-line bg-surface p-1 shadow-lg", align === "end" ? "right-0" : "left-0")}>
        {children}
      </div>
      <MenuCloser />
    </details>
  );
}

/** The look of one entry of a Menu: a link, or a form's button. */
export const menuItemClasses = (current?: boolean) =>
  cn("flex min-h-11 w-full items-center gap-2 rounded px-3 py-2 text-left text-fg no-underline cursor-pointer hover:bg-accent-soft hover:text-fg", current && "font-semibold");
