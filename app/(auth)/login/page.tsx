import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorFromAddress } from "@/lib/auth/form-step";
import { currentUser } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { Card, Page } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (await currentUser()) redirect("/");
  const t = await getTranslations("signIn");
  return (
    <Page width="narrow" title={t("title")} intro={t("intro", { app: config().APP_NAME })}>
      <Card>
        <SignInForm error={errorFromAddress((await searchParams).error)} />
      </Card>
    </Page>
  );
}
