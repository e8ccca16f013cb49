import { config } from "../config";
import { bcryptCompare, bcryptHash } from "../hashing";

// bcrypt reads only the first 72 bytes; rather than let a longer password match on its prefix,
// longer passwords are refused when set and never match when tried.
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = "password.tooShort" | "password.tooLong";

export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "password.tooShort";
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) return "password.tooLong";
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  return bcryptHash(password, config().BCRYPT_COST);
}

// A hash of a random password at the configured cost, so an unknown email costs one compare too.
let decoy: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) return false;
  if (!hash) {
    decoy ??= bcryptHash(crypto.randomUUID(), config().BCRYPT_COST);
    await bcryptCompare(password, await decoy);
    return false;
  }
  return bcryptCompare(password, hash);
}
