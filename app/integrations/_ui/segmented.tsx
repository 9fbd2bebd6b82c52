"use client";

import { ToggleGroup } from "radix-ui";

interface SegmentedProps<T extends string> {
  value: T;
  options: readonly { value: T; label: string; disabled?: boolean }[];
  onChange: (value: T) => void;
  label: string;
}

/** One choice of a few, side by side (message type, body kind). Arrow keys move between them. */
export function Segmented<T extends string>({ value, options, onChange, label }: SegmentedProps<T>) {
  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      aria-label={label}
      onValueChange={(next) => {
        // Radix reports "" when the active item is clicked again; a segmented control keeps it.
        const chosen = options.find((o) => o.value === next);
        if (chosen) onChange(chosen.value);
      }}
      className="inline-flex h-6 items-center rounded-md border border-border bg-bg p-0.5"
    >
      {options.map((o) => (
        <ToggleGroup.Item
          key={o.value}
          value={o.value}
          disabled={o.disabled}
          className="h-full rounded px-2 text-[12px] text-muted hover:text-fg disabled:opacity-40 data-[state=on]:bg-raised data-[state=on]:text-fg data-[state=on]:shadow-sm"
        >
          {o.label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
