"use client";

import type { ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * Its children, except on the pages at `paths` (exact paths, no query). For a part of the root
 * layout that a page says itself: the rollout banner on the wizard, whose own notice gives the
 * deadline and where "Set up now" would lead to the page already open.
 */
export function HiddenOn({ paths, children }: { paths: string[]; children: ReactNode }) {
  return paths.includes(usePathname()) ? null : children;
}
