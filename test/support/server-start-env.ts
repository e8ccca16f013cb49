// Imported first by lib/server-start.test.ts, before anything reads the configuration: register()
// runs as in a Node.js server, with no mail deliverer started in the test's process, and trusted
// browsers off (the variable unset).
process.env.MAIL_DELIVERER = "off";
process.env.NEXT_RUNTIME = "nodejs";
delete process.env.TWO_FACTOR_TRUSTED_BROWSER_DAYS;
