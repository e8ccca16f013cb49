// `npm start`: installs, generates, builds and migrates what is missing, creates the demo
// accounts on first start, then serves the production build on PORT (default 3000).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuild, ensureDependencies, ensurePrismaClients, nextStartArgs, root, runTs } from "./lib.mjs";

/** Secrets a real deployment sets; a local demo gets generated ones, kept in .data/. */
function localSecrets() {
  const file = join(root, ".data/secrets.json");
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const wanted = { AUTH_SECRET: () => randomBytes(32).toString("base64url") };
  let changed = false;
  for (const [name, make] of Object.entries(wanted)) {
    if (process.env[name]) continue;
    if (!saved[name]) { saved[name] = make(); changed = true; }
    process.env[name] = saved[name];
    console.warn(`warning: ${name} is not set; using a generated one kept in .data/secrets.json (set it in production)`);
  }
  if (changed) { mkdirSync(join(root, ".data"), { recursive: true }); writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 }); }
  // The encryption key: without TWO_FACTOR_ENCRYPTION_KEY, the generated one in .data/two-factor-key
  // (lib/two-factor/secrets.ts), the one `npm run users` and `npm run mail` read too, so the links
  // and sealed mails of either side open on the other. A demo from before kept it in secrets.json.
  if (!process.env.TWO_FACTOR_ENCRYPTION_KEY) {
    const keyFile = join(root, ".data/two-factor-key");
    if (saved.TWO_FACTOR_ENCRYPTION_KEY && !existsSync(keyFile)) writeFileSync(keyFile, `${saved.TWO_FACTOR_ENCRYPTION_KEY}\n`, { mode: 0o600 });
    process.env.ALLOW_GENERATED_KEYS ??= "1";
  }
}

const port = process.env.PORT ?? "3000";
process.env.APP_URL ??= `http://localhost:${port}`;
process.env.AUTH_URL ??= process.env.APP_URL;

ensureDependencies();
ensurePrismaClients();
ensureBuild();
localSecrets();
runTs("scripts/setup.ts", ["--demo"]);

console.log(`Serving on ${process.env.APP_URL} (Ctrl-C stops)`);
// client-address.cjs appends the socket's address to X-Forwarded-For (lib/auth/request.ts reads it).
const server = spawn(process.execPath, nextStartArgs(port), { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
