import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { SignInForm } from "@/components/auth/sign-in-form";

export default async function LoginPage() {
  if (await currentUser()) redirect("/");
  const t = await getTranslations("signIn");
  return (
    <section className="card narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro", { app: config().APP_NAME })}</p>
      <SignInForm />
    </section>
  );
}
