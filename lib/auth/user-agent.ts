import { UAParser } from "ua-parser-js";

/** Browser and system named from a User-Agent header (ua-parser-js), e.g. "Chrome 131" and "Windows 10"; null when unknown. */
export function describeClient(userAgent: string | null | undefined): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const { browser, os } = new UAParser(userAgent.slice(0, 512)).getResult();
  return {
    browser: [browser.name, browser.version?.split(".")[0]].filter(Boolean).join(" ") || null,
    system: [os.name, os.version].filter(Boolean).join(" ") || null,
  };
}
