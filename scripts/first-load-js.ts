import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript a browser downloads to show a page the first time, from the production build in
 * `.next`: the root chunks every page loads plus the chunks its layouts and page need (the
 * nomodule polyfill is left out: modern browsers skip it). Sizes in bytes, raw and gzipped at
 * level 6 (what `next start` sends). Null when the build or the route is missing.
 */
export function firstLoadJs(root: string, segment: string): { files: number; raw: number; gzip: number } | null {
  const next = join(root, ".next");
  const manifestFile = join(next, "server/app", segment, "page_client-reference-manifest.js");
  if (!existsSync(manifestFile)) return null;
  const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const entries = Object.values(sandbox.__RSC_MANIFEST ?? {})[0]?.entryJSFiles ?? {};
  const files = new Set([...build.rootMainFiles, ...Object.values(entries).flat()]);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(next, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 6 }).length;
  }
  return { files: files.size, raw, gzip };
}
