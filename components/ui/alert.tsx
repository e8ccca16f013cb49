import type { ReactNode } from "react";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import { cn } from "./cn";

export type Tone = "info" | "error" | "success" | "warning";

const TONES: Record<Tone, { box: string; icon: typeof Info }> = {
  info: { box: "border-accent bg-accent-soft", icon: Info },
  error: { box: "border-danger bg-danger-soft", icon: CircleAlert },
  success: { box: "border-ok bg-ok-soft", icon: CircleCheck },
  warning: { box: "border-warn bg-warn-soft", icon: TriangleAlert },
};

/**
 * A message block. An error is role="alert" (announced at once); success and warnings are
 * role="status" (announced politely); `live={false}` for a message that is part of the page
 * from its first paint (nothing to announce). `focus` makes it a target for focus (tabIndex -1).
 */
export function Alert({ tone = "info", title, children, live = true, id, className }: { tone?: Tone; title?: ReactNode; children?: ReactNode; live?: boolean; id?: string; className?: string }) {
  const { box, icon: Icon } = TONES[tone];
  const role = !live ? undefined : tone === "error" ? "alert" : "status";
  return (
    <div id={id} role={role} tabIndex={-1} className={cn("flex gap-3 rounded-md border-l-4 border px-4 py-3 text-fg", box, className)}>
      <Icon aria-hidden className="size-5 mt-0.5 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children}
      </div>
    </div>
  );
}
