import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the test server on `port` copies its output, so a test can check what the server logged. */
export const serverLogFile = (port: number | string) => join(tmpdir(), `portal-e2e-server-${port}.log`);
