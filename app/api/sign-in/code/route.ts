import { answerStep } from "@/lib/auth/form-step";
import { codeStep } from "@/lib/auth/sign-in";
import { text } from "@/lib/form";

/** The second step of sign-in (lib/auth/sign-in.ts), posted by components/two-factor/verify-form.tsx. */
// Without JavaScript, a refused recovery code is shown back on the recovery-code form.
const page = (form: FormData) => (text(form, "method") === "recovery" ? "/login/verify?method=recovery" : "/login/verify");

export const POST = (request: Request) => answerStep(request, codeStep, page);
