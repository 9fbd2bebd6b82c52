import type { ReactNode } from "react";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

export interface SettingsColumn {
  key: string;
  label: string;
  /** Read by screen readers only (an actions column). */
  hidden?: boolean;
}

/** The settings pages' list of rows (members, invitations, tokens): one header style, one cell padding. */
export function SettingsTable({ columns, children }: { columns: readonly SettingsColumn[]; children: ReactNode }) {
  return (
    <table className="w-full text-left">
      <thead className="border-b border-border text-[12px] text-muted">
        <tr>
          {columns.map((c) => (
            <th key={c.key} className="px-4 py-2 font-medium">
              {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function SettingsRow({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <tr className="border-b border-border last:border-0" data-testid={testId}>
      {children}
    </tr>
  );
}

export function SettingsCell({ className = "", children }: { className?: string; children?: ReactNode }) {
  return <td className={`px-4 py-2 ${className}`.trim()}>{children}</td>;
}

/**
 * What a settings list says below its table: empty, loading, or the query's error.
 * Nothing while it has rows.
 */
export function TableState({
  query,
  empty,
  loading,
}: {
  query: { isLoading: boolean; error: { message: string } | null; data?: readonly unknown[] };
  empty?: string;
  loading: string;
}) {
  const errorText = useServerErrorText();
  if (query.error) return <p className="px-4 py-6 text-danger">{errorText(query.error)}</p>;
  if (query.isLoading) return <p className="px-4 py-6 text-muted">{loading}</p>;
  if (empty && query.data?.length === 0) return <p className="px-4 py-6 text-muted">{empty}</p>;
  return null;
}
