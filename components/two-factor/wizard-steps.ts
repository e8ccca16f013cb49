/** The wizard's steps, in order: enrolling has a start screen, changing the app starts at the password. */
export const wizardSteps = (changing: boolean) => (changing ? (["confirm", "scan", "done"] as const) : (["start", "confirm", "scan", "codes"] as const));
export type WizardStep = "start" | "confirm" | "scan" | "codes" | "done";
