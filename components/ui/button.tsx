import type { ButtonHTMLAttributes } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" | "link" };

export function Button({ variant = "primary", className, type = "submit", ...props }: Props) {
  return <button type={type} className={["button", `button-${variant}`, className].filter(Boolean).join(" ")} {...props} />;
}
