import type { InputHTMLAttributes } from "react";
import { cn } from "./cn";

/** Shared look of text inputs, selects and text areas; an invalid control gets a danger border. */
export const controlClasses = (className?: string) =>
  cn(
    "block w-full min-h-11 rounded-md border border-muted bg-surface px-3 py-2 text-base text-fg",
    "placeholder:text-muted aria-invalid:border-danger aria-invalid:border-2",
    className,
  );

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={controlClasses(className)} {...props} />;
}
