import { BellRing } from "lucide-react";
import type { ReactNode } from "react";

/** The signed-out pages' frame: the product's name and one centred panel. */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-12">
      <div className="flex items-center gap-2 text-[15px] font-semibold tracking-tight">
        <BellRing className="size-4 text-accent" aria-hidden />
        Alertflow
      </div>
      <section className="w-full max-w-sm rounded-lg border border-border bg-panel shadow-sm">
        <header className="border-b border-border px-5 py-4">
          <h1 className="text-[15px] font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="mt-1 text-muted">{subtitle}</p> : null}
        </header>
        <div className="px-5 py-4">{children}</div>
      </section>
      {footer ? <div className="text-center text-muted">{footer}</div> : null}
    </main>
  );
}

/** A form-level error (wrong password, link expired), announced to screen readers. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 px-2.5 py-1.5 text-[12px] text-danger">
      {message}
    </p>
  );
}
