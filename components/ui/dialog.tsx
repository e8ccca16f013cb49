"use client";

import type { ReactNode } from "react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { X } from "lucide-react";
import { cn } from "./cn";

/**
 * A modal dialog (Radix: focus moves in and is trapped, Escape closes, focus returns to the
 * button that opened it: `opener`, as the dialog is opened by the caller, who keeps `open`).
 */
export function Dialog({ open, onOpenChange, title, description, closeLabel, opener, children }: { open: boolean; onOpenChange: (open: boolean) => void; title: ReactNode; description?: ReactNode; closeLabel: string; opener?: () => HTMLElement | null; children: ReactNode }) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/50 data-[state=open]:animate-in" />
        <DialogPrimitive.Content
          className={cn(
            "fixed z-50 left-1/2 top-1/2 -translate-x-1/2 -translate-y-1/2 w-[calc(100vw-1rem)] max-w-lg",
            "max-h-[calc(100dvh-1rem)] overflow-y-auto rounded-lg border border-line bg-surface p-4 sm:p-6 shadow-xl space-y-4",
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            const target = opener?.();
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <div className="flex items-start justify-between gap-3">
            <DialogPrimitive.Title className="text-xl font-semibold">{title}</DialogPrimitive.Title>
            <DialogPrimitive.Close className="rounded-md p-2 text-muted hover:bg-surface-muted hover:text-fg cursor-pointer" aria-label={closeLabel}>
              <X aria-hidden className="size-5" />
            </DialogPrimitive.Close>
          </div>
          {description && <DialogPrimitive.Description className="text-muted">{description}</DialogPrimitive.Description>}
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
