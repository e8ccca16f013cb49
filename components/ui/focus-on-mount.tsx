"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * Moves focus to its first child when it appears: for the message that replaces a form once its
 * change is done (the form and its button are gone, so focus would fall to the page's body). The
 * child must be focusable (an Alert is: tabIndex -1).
 */
export function FocusOnMount({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    (ref.current?.firstElementChild as HTMLElement | null)?.focus();
  }, []);
  return <div ref={ref}>{children}</div>;
}
