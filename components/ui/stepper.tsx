import { Check } from "lucide-react";
import { cn } from "./cn";

/**
 * Progress through a journey: "Step 2 of 4: Scan the QR code" as text (read first by screen
 * readers), and the steps as an ordered list with the current one marked aria-current="step".
 */
export function Stepper({ steps, current, label, summary }: { steps: string[]; current: number; label: string; summary: string }) {
  return (
    <nav aria-label={label} className="space-y-2">
      <p className="text-sm font-semibold text-muted">{summary}</p>
      <ol className="flex gap-1.5" role="list">
        {steps.map((step, i) => {
          const state = i < current ? "done" : i === current ? "current" : "todo";
          return (
            <li key={step} aria-current={state === "current" ? "step" : undefined} className="flex-1 min-w-0">
              <span className={cn("block h-1.5 rounded-full", state === "todo" ? "bg-line" : "bg-accent")} aria-hidden />
              <span className={cn("mt-1 hidden sm:flex items-center gap-1 text-sm", state === "current" ? "font-semibold" : "text-muted")}>
                {state === "done" && <Check aria-hidden className="size-4 shrink-0" />}
                <span className="sr-only">{state === "done" ? "✓ " : ""}</span>
                {step}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
