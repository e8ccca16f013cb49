"use client";

import { useEffect, useRef, useState } from "react";
import { OTPInput } from "input-otp";
import { asciiDigits } from "@/lib/digits";
import { FieldFrame } from "./field";
import { cn } from "./cn";

type Props = { label: string; name: string; id?: string; hint?: string; error?: string; length?: number; autoFocus?: boolean };

/**
 * A one-time-code field (input-otp): one real <input> with autocomplete="one-time-code" and
 * inputmode="numeric", so SMS/password-manager autofill and paste of a whole code ("123 456"
 * included: spaces and dashes are dropped) work; the slots are only its picture. It empties
 * itself when its form is reset (React resets a form after a server action answers). Digits of
 * any script (Arabic-Indic, Persian, full-width…) are read as the ASCII digits they are, as the
 * server reads them (lib/digits.ts); anything else typed is dropped.
 */
const digitsOnly = (text: string) => asciiDigits(text).replace(/[^0-9]/g, "");

export function CodeInput({ label, name, id = name, hint, error, length = 6, autoFocus }: Props) {
  const [value, setValue] = useState("");
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const clear = () => setValue("");
    form.addEventListener("reset", clear);
    return () => form.removeEventListener("reset", clear);
  }, []);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <OTPInput
          ref={ref}
          {...aria}
          name={name}
          value={value}
          onChange={(typed) => setValue(digitsOnly(typed).slice(0, length))}
          maxLength={length}
          pasteTransformer={digitsOnly}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus={autoFocus}
          // Its default widens the hidden input by 40 px past the boxes when it guesses a password
          // manager's badge is there (it does in a bare Chromium): wider than a 320 px screen.
          pushPasswordManagerStrategy="none"
          // As wide as six 44 px boxes at most; on a narrow screen (320 px) the boxes share what is left.
          containerClassName="group flex items-center w-full max-w-78"
          render={({ slots }) => (
            <div className="flex w-full gap-1.5 sm:gap-2" aria-hidden>
              {slots.map((slot, i) => (
                <div
                  key={i}
                  className={cn(
                    "relative flex h-12 min-w-0 flex-1 max-w-11 items-center justify-center rounded-md border bg-surface font-mono text-xl",
                    error ? "border-danger border-2" : "border-muted",
                    slot.isActive && "outline-3 outline-focus outline-offset-1",
                    i === length / 2 && "ml-2",
                  )}
                >
                  {slot.char}
                  {slot.hasFakeCaret && <span className="h-6 w-px animate-pulse bg-fg" />}
                </div>
              ))}
            </div>
          )}
        />
      )}
    />
  );
}
