/** Tells whether the page is refreshing itself, and why. */
export function LiveIndicator({ escalating }: { escalating: number }) {
  if (escalating === 0) return <span className="text-[12px] text-muted">Nothing escalating</span>;
  return (
    <span
      className="flex items-center gap-2 text-[12px] text-muted"
      title="Refreshing every 5 seconds while something is escalating"
    >
      <span className="relative flex size-2">
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-danger opacity-60" />
        <span className="relative inline-flex size-2 rounded-full bg-danger" />
      </span>
      <span>
        <span className="font-medium text-fg tabular-nums">{escalating}</span> escalating · live
      </span>
    </span>
  );
}
