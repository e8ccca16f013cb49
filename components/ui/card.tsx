import type { ReactNode } from "react";
import { cn } from "./cn";

const WIDTHS = { narrow: "max-w-md", normal: "max-w-2xl", wide: "max-w-6xl", full: "max-w-none" } as const;

/** A surface with a border; `as="section"` with `labelledBy` makes it a named region. */
export function Card({ children, className, width = "full", as: Tag = "div", labelledBy, label }: { children: ReactNode; className?: string; width?: keyof typeof WIDTHS; as?: "div" | "section" | "article"; labelledBy?: string; label?: string }) {
  return (
    <Tag aria-labelledby={labelledBy} aria-label={label} className={cn("w-full min-w-0 rounded-lg border border-line bg-surface p-4 sm:p-6 shadow-sm space-y-4", WIDTHS[width], className)}>
      {children}
    </Tag>
  );
}

/** A page's frame: its width and the h1 (with optional text under it and actions beside it). */
export function Page({ title, intro, children, width = "normal", actions, before }: { title: ReactNode; intro?: ReactNode; children?: ReactNode; width?: keyof typeof WIDTHS; actions?: ReactNode; before?: ReactNode }) {
  return (
    <div className={cn("mx-auto w-full space-y-6", WIDTHS[width])}>
      {before}
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl sm:text-3xl">{title}</h1>
          {intro && <div className="text-muted">{intro}</div>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </header>
      {children}
    </div>
  );
}

/** A list of label/value pairs that stacks on a phone and sits in two columns on a wide screen. */
export function DetailList({ items }: { items: { label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(7rem,40%)_minmax(0,1fr)]">
      {items.map((item, i) => (
        <div key={i} className="contents">
          <dt className="font-semibold pt-2 sm:pt-0">{item.label}</dt>
          <dd className="m-0 min-w-0 [overflow-wrap:anywhere]" data-value>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
