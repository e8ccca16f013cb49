import Link from "next/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ComponentProps } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link";
export type ButtonSize = "sm" | "md";

const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md font-medium no-underline text-center cursor-pointer " +
  "transition-colors disabled:opacity-60 disabled:cursor-wait aria-disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0";
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover hover:text-accent-fg border border-transparent",
  secondary: "bg-surface text-fg hover:bg-surface-muted hover:text-fg border border-line",
  danger: "bg-danger text-white dark:text-bg hover:opacity-90 hover:text-white dark:hover:text-bg border border-transparent",
  ghost: "bg-transparent text-fg hover:bg-surface-muted hover:text-fg border border-transparent",
  link: "bg-transparent text-accent underline underline-offset-2 hover:text-accent-hover border-0 !p-0 !min-h-0",
};
const SIZES: Record<ButtonSize, string> = { sm: "min-h-9 px-3 py-1 text-sm", md: "min-h-11 px-4 py-2 text-base" };

/** The classes of a button, for elements that look like one (a link that starts a journey). */
export const buttonClasses = (variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string) => cn(BASE, VARIANTS[variant], SIZES[size], className);

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

/** A button; `type` is "submit" unless told, since most buttons here send a form. */
export function Button({ variant = "primary", size = "md", className, type = "submit", ...props }: Props) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...props} />;
}

/** A link that looks like a button (Next's client-side navigation). */
export function ButtonLink({ variant = "primary", size = "md", className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <Link className={buttonClasses(variant, size, className)} {...props} />;
}

/** A plain anchor that looks like a button: a full page load (the layout must show a new state). */
export function ButtonAnchor({ variant = "primary", size = "md", className, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <a className={buttonClasses(variant, size, className)} {...props} />;
}
