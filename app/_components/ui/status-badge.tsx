const TONES = {
  neutral: "border-border text-muted",
  accent: "border-accent/40 text-accent",
  ok: "border-ok/40 text-ok",
  warn: "border-warn/40 text-warn",
  danger: "border-danger/40 text-danger",
} as const;

export type Tone = keyof typeof TONES;

export function StatusBadge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <span className={`inline-flex items-center rounded border px-1.5 py-px text-[11px] font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}
