import Bowser from "bowser";

/**
 * A browser as support reads it, "Chrome 142 on Windows", from a User-Agent header (bowser, MIT;
 * ua-parser-js 2 would be AGPL). Only the major version; null when nothing is recognised.
 */
export function browserLabel(userAgent: string | null | undefined): { browser: string; version?: string; os?: string } | null {
  if (!userAgent) return null;
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  if (!browser) return null;
  const version = parser.getBrowserVersion()?.split(".")[0];
  const os = parser.getOSName();
  return { browser, ...(version && { version }), ...(os && { os }) };
}
