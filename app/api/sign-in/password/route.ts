import { answerStep } from "@/lib/auth/form-step";
import { passwordStep } from "@/lib/auth/sign-in";

/** The password step of sign-in (lib/auth/sign-in.ts), posted by components/auth/sign-in-form.tsx. */
export const POST = (request: Request) => answerStep(request, passwordStep, "/login");
