import type { ReactNode } from "react";
import { Alert, type Tone } from "./alert";

/** Alert under its older name (forms from before the design system import it). */
export function Notice({ tone = "info", children }: { tone?: Tone; children: ReactNode }) {
  return <Alert tone={tone}>{children}</Alert>;
}
