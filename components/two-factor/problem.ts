"use client";

import { useTranslations } from "next-intl";
import type { Problem } from "@/lib/two-factor/check";

/** Translates a problem that a server action returned (a message key and its values). */
export function useProblem() {
  const t = useTranslations();
  return (problem: Problem | undefined) => (problem ? t(problem.key, problem.values as Record<string, string | number>) : undefined);
}
