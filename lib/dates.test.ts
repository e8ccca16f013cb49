import assert from "node:assert/strict";
import { test } from "node:test";
import { isCalendarDay } from "./dates";

test("only real calendar days pass", () => {
  for (const day of ["2026-02-28", "2028-02-29", "2026-12-31"]) assert.ok(isCalendarDay(day), day);
  for (const day of ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "", "2026-01-01T00:00"]) assert.ok(!isCalendarDay(day), day);
});
