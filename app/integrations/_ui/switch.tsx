"use client";

import { Switch as RadixSwitch } from "radix-ui";

interface SwitchProps {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  label: string;
  disabled?: boolean;
  id?: string;
}

/** An on/off toggle; `label` names it for screen readers when no visible label points at it. */
export function Switch({ checked, onCheckedChange, label, disabled, id }: SwitchProps) {
  return (
    <RadixSwitch.Root
      id={id}
      checked={checked}
      onCheckedChange={onCheckedChange}
      disabled={disabled}
      aria-label={label}
      className="relative inline-flex h-4 w-7 shrink-0 items-center rounded-full border border-border bg-raised transition-colors focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50 data-[state=checked]:border-accent data-[state=checked]:bg-accent"
    >
      <RadixSwitch.Thumb className="block size-3 translate-x-0.5 rounded-full bg-muted transition-transform data-[state=checked]:translate-x-3 data-[state=checked]:bg-accent-fg" />
    </RadixSwitch.Root>
  );
}
