"use client";

import { useEffect, useState } from "react";

/**
 * Asks /api/health whether the database answers, so an error page can say "the service is
 * unavailable" rather than guess; `null` while the answer is pending.
 */
export function useServiceDown(key: unknown): boolean | null {
  const [down, setDown] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => r.json() as Promise<{ database?: string }>)
      .then((body) => live && setDown(body.database !== "ok"))
      .catch(() => live && setDown(true));
    return () => {
      live = false;
    };
  }, [key]);
  return down;
}
