"use client";

import { useEffect, useRef, type FormHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * A form that keeps focus where a keyboard or screen-reader user needs it after the server
 * answers: on the first invalid field (whose error is its description), else on the first alert.
 * `answer` is the action's state: each new answer moves focus once.
 */
export function Form({ answer, className, ...props }: FormHTMLAttributes<HTMLFormElement> & { answer: unknown }) {
  const ref = useRef<HTMLFormElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const form = ref.current;
    const scope = form?.closest("[role=dialog]") ?? form?.parentElement;
    const target = form?.querySelector<HTMLElement>("[aria-invalid=true]:not(fieldset), fieldset[aria-invalid=true] input") ?? scope?.querySelector<HTMLElement>("[role=alert], [role=status]");
    target?.focus();
  }, [answer]);
  return <form ref={ref} noValidate className={cn("space-y-4", className)} {...props} />;
}
