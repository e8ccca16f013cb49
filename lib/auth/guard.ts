import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./index";
import { sessionUser } from "./sessions";

/** The signed-in user, checked against the session table on every request (revocation works). */
export const currentUser = cache(async () => {
  const session = await auth();
  return sessionUser(session?.sid);
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}
