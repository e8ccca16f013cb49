// The operators' commands for the e2e tests, served by each server's harness (server.ts): what a
// test would run as `npm run users -- …` on that server's machine, without starting a new Node.js
// process each time (about 2 s of CPU apiece, for every account a test creates). The command line
// itself, as a process (exit codes, standard input), is tested by scripts/users.test.ts.
import { createServer, type Server } from "node:http";

/** What the harness answers: the command's output, or its error as the command line would print it. */
export type OperatorAnswer = { stdout: string } | { stderr: string; usage: boolean };

/**
 * Listens on 127.0.0.1:`port` for POST /users `{ argv }` (runs scripts/users-commands.ts) and
 * POST /age `{ email, what, days }` (e2e/support/age-account.ts), on the database and with the
 * settings of this process's environment, which must be set before the call. Answers 200 with
 * the output, 400 for bad input, 500 when the command failed; resolves once listening.
 */
export async function startOperator(port: number): Promise<Server> {
  const { runUsersCommand, UsageError } = await import("../../scripts/users-commands");
  const { ageAccount } = await import("./age-account");
  const server = createServer(async (req, res) => {
    const answer = (status: number, body: OperatorAnswer) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    let body = "";
    for await (const chunk of req) body += chunk;
    const lines: string[] = [];
    try {
      const input = JSON.parse(body);
      if (req.url === "/users") await runUsersCommand(input.argv, (line) => lines.push(line));
      else if (req.url === "/age") await ageAccount(input.email, input.what, input.days);
      else return answer(404, { stderr: `no ${req.url}`, usage: true });
      answer(200, { stdout: lines.map((l) => `${l}\n`).join("") });
    } catch (error) {
      const usage = error instanceof UsageError || !!(error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
      answer(usage ? 400 : 500, { stderr: `users: ${(error as Error).message}\n`, usage });
    }
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return server;
}
