import type { ReactNode } from "react";

/** A titled block of a settings page, its content in a bordered panel like the app's tables. */
export function SettingsSection({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-2">
      <div className="flex items-end justify-between gap-4">
        <div className="flex flex-col gap-0.5">
          <h3 className="text-[13px] font-semibold">{title}</h3>
          {description ? <p className="text-[12px] text-muted">{description}</p> : null}
        </div>
        {actions}
      </div>
      <div className="overflow-hidden rounded-lg border border-border bg-panel">{children}</div>
    </section>
  );
}
