import type { ReactNode } from "react";

interface SectionProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}

/** A titled panel of the editor. */
export function Section({ title, description, actions, children, id }: SectionProps) {
  return (
    <section className="rounded-lg border border-border bg-panel" aria-labelledby={id ? `${id}-title` : undefined}>
      <header className="flex items-start justify-between gap-4 border-b border-border px-4 py-2.5">
        <div className="min-w-0">
          <h2 id={id ? `${id}-title` : undefined} className="text-[13px] font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-[12px] text-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
