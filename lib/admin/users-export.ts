import { CSV_BOM, csvLine } from "./csv";
import { usersInBatches, type UserQuery } from "./users";

export const USER_EXPORT_COLUMNS = ["email", "name", "role", "locale", "created_at", "last_sign_in_at", "two_factor_enabled_at", "locked_at"] as const;
export type UserExportColumn = (typeof USER_EXPORT_COLUMNS)[number];

/** How the file reads: headers in the reader's language and the separator their Excel expects. */
export type CsvFormat = { headers: Record<UserExportColumn, string>; separator: "," | ";" };

const RAW: CsvFormat = { headers: Object.fromEntries(USER_EXPORT_COLUMNS.map((c) => [c, c])) as CsvFormat["headers"], separator: "," };

/** The accounts that match the search, as CSV text: the BOM and header, then a chunk per batch of accounts. */
export async function* usersCsv(query: Pick<UserQuery, "q" | "state">, format: CsvFormat = RAW): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(USER_EXPORT_COLUMNS.map((c) => format.headers[c]), format.separator);
  for await (const batch of usersInBatches(query)) {
    yield batch
      .map((u) => csvLine([u.email, u.name, u.role, u.locale, u.createdAt, u.lastSignInAt, u.twoFactorEnabledAt, u.secondFactorLockedAt], format.separator))
      .join("");
  }
}

/** A byte stream that asks for the next chunk only when the client has read the last one. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
