import { csvLine } from "./csv";
import { usersInBatches, type UserQuery } from "./users";

export const USER_EXPORT_COLUMNS = ["email", "name", "role", "locale", "created_at", "last_sign_in_at", "two_factor_enabled_at", "locked_at"];

/** The accounts that match the search, as CSV text: the header, then a chunk per batch of accounts. */
export async function* usersCsv(query: Pick<UserQuery, "q" | "state">): AsyncGenerator<string> {
  yield csvLine(USER_EXPORT_COLUMNS);
  for await (const batch of usersInBatches(query)) {
    yield batch
      .map((u) => csvLine([u.email, u.name, u.role, u.locale, u.createdAt, u.lastSignInAt, u.twoFactorEnabledAt, u.secondFactorLockedAt]))
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
