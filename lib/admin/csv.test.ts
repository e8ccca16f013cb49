import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, csvLine, csvSeparator } from "./csv";

test("cells with commas, quotes or line breaks are quoted, quotes doubled", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell("Doe, Jane"), '"Doe, Jane"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(new Date("2026-01-02T03:04:05Z")), "2026-01-02T03:04:05.000Z");
});

test("a cell that a spreadsheet would run as a formula is made text", () => {
  for (const formula of ["=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx", "\rx"]) assert.equal(csvCell(formula).replace(/^"/, "")[0], "'", formula);
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell("a=b"), "a=b");
});

test("a line ends with CRLF", () => {
  assert.equal(csvLine(["a", 1, null, "b,c"]), 'a,1,,"b,c"\r\n');
});

test("with a semicolon separator, cells holding one are quoted and commas are left alone", () => {
  assert.equal(csvLine(["Doe; Jane", "a,b", 3], ";"), '"Doe; Jane";a,b;3\r\n');
  assert.equal(csvSeparator("fr"), ";");
  assert.equal(csvSeparator("nl"), ";");
  assert.equal(csvSeparator("en"), ",");
});
