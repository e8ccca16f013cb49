"use client";

import { useEffect, useRef } from "react";

/** Closes the <details> it sits in on Escape (focus back on its summary), a click outside, or a choice inside. */
export function MenuCloser() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const details = ref.current?.closest("details");
    if (!details) return;
    const close = () => details.removeAttribute("open");
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      close();
      details.querySelector("summary")?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (details.open && !details.contains(event.target as Node)) close();
    };
    const onChoice = (event: Event) => {
      if ((event.target as HTMLElement).closest("a, button:not(summary)")) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    details.addEventListener("click", onChoice);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      details.removeEventListener("click", onChoice);
    };
  }, []);
  return <span ref={ref} hidden />;
}
