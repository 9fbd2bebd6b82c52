import type { PhaseLoad } from "./phase-meter";
import { ms } from "./stats";

/** A plain-text table: one row per measurement, columns padded to fit. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

/** CPU of the app's parts over a phase, per unit of work (an incident, an event, a workflow). */
export function cpuPer(load: PhaseLoad, units: number): string {
  const { web, worker, temporal, postgres } = load.cpu;
  const total = web + worker + temporal + postgres;
  const per = (x: number) => ms(x / Math.max(1, units));
  return `${per(total)} (web ${per(web)}, worker ${per(worker)}, temporal ${per(temporal)}, pg ${per(postgres)})`;
}

/** How shared the machine was during a phase. */
export function loadNote(load: PhaseLoad): string {
  return (
    `load ≤ ${load.loadMax.toFixed(1)}, others ${load.othersBusyCores.toFixed(2)} cores, ` +
    `steal ${load.stealPercent.toFixed(1)} %`
  );
}
