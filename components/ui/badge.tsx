import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  neutral: "border-line bg-surface-muted text-fg",
  success: "border-ok bg-ok-soft text-fg",
  warning: "border-warn bg-warn-soft text-fg",
  danger: "border-danger bg-danger-soft text-fg",
  info: "border-accent bg-accent-soft text-fg",
} as const;

/** A short state label ("On", "Locked"); its text says the state, the colour only repeats it. */
export function Badge({ tone = "neutral", children, className }: { tone?: keyof typeof TONES; children: ReactNode; className?: string }) {
  return <span className={cn("inline-flex max-w-full items-center gap-1 rounded-2xl border px-2.5 py-0.5 text-sm font-medium", TONES[tone], className)}>{children}</span>;
}
