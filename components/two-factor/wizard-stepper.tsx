import { useTranslations } from "next-intl";
import { Stepper } from "@/components/ui/stepper";
import { wizardSteps, type WizardStep } from "./wizard-steps";

/** "Step 2 of 4: Confirm your password" and the bar of steps. */
export function WizardStepper({ changing, step }: { changing: boolean; step: WizardStep }) {
  const t = useTranslations("wizard");
  const steps = wizardSteps(changing);
  const current = Math.max(0, steps.indexOf(step as never));
  const names = steps.map((s) => t(`steps.${s}`));
  return <Stepper steps={names} current={current} label={t("progress")} summary={t("stepOf", { step: current + 1, total: steps.length, name: names[current]! })} />;
}
