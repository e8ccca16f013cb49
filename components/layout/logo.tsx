import Link from "next/link";

/** The product's mark (a shield with a tick, drawn for this product) and its name beside it. */
export function Logo({ name, href = "/" }: { name: string; href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-bold text-lg text-fg no-underline hover:text-fg min-w-0">
      <svg viewBox="0 0 32 32" aria-hidden className="size-8 shrink-0">
        <rect width="32" height="32" rx="7" className="fill-accent" />
        <path d="M16 5.5 7.5 9v6.2c0 5.3 3.6 9.6 8.5 11.3 4.9-1.7 8.5-6 8.5-11.3V9Z" className="fill-surface" />
        <path d="m11.8 16.2 3 3 5.6-6" fill="none" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" className="stroke-accent" />
      </svg>
      <span className="truncate">{name}</span>
    </Link>
  );
}
