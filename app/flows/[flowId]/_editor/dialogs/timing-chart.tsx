import { useTranslations } from "next-intl";
import { formatOffset } from "~/app/_components/flow-canvas/durations";
import type { PreviewMessage } from "~/core/escalation/timing-preview";
import type { MessageType } from "~/core/message-template/message-type";

const COLORS: Record<MessageType, string> = { error: "var(--danger)", reminder: "var(--warn)", ok: "var(--ok)" };
const WIDTH = 640;
const ROW = 22;
const LEFT = 56;
const RIGHT = 16;
const TOP = 8;

/** One row per level, a dot per message along the incident's clock; the dashed line is the Ok. */
export function TimingChart({ messages, incidentSeconds }: { messages: PreviewMessage[]; incidentSeconds: number }) {
  const t = useTranslations("Timing");
  const levels = [...new Set(messages.map((m) => m.level))].sort((a, b) => a - b);
  const last = Math.max(0, ...messages.map((m) => m.atSeconds));
  const end = Math.max(60, Number.isFinite(incidentSeconds) ? incidentSeconds : 0, last) * 1.05;
  const x = (seconds: number) => LEFT + (seconds / end) * (WIDTH - LEFT - RIGHT);
  const height = TOP + levels.length * ROW + 22;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => (end / 1.05) * f);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full" role="img" aria-label={t("chartLabel")}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - 18} stroke="var(--border)" />
          <text x={x(tick)} y={height - 4} fontSize={10} textAnchor="middle" fill="var(--muted)">
            {formatOffset(tick)}
          </text>
        </g>
      ))}
      {Number.isFinite(incidentSeconds) ? (
        <line
          x1={x(incidentSeconds)}
          x2={x(incidentSeconds)}
          y1={TOP}
          y2={height - 18}
          stroke="var(--ok)"
          strokeDasharray="4 3"
        />
      ) : null}
      {levels.map((level, row) => {
        const y = TOP + row * ROW + ROW / 2;
        return (
          <g key={level}>
            <text x={0} y={y + 4} fontSize={11} fill="var(--muted)">
              {t("chartLevel", { level })}
            </text>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y} y2={y} stroke="var(--border)" strokeDasharray="2 3" />
            {messages
              .filter((m) => m.level === level)
              .map((m, i) => (
                <circle
                  key={`${m.nodeId}-${m.type}-${m.reminderNumber}-${i}`}
                  cx={x(m.atSeconds)}
                  cy={y}
                  r={4}
                  fill={COLORS[m.type]}
                >
                  <title>
                    {t("chartDot", {
                      time: formatOffset(m.atSeconds),
                      type: t(`types.${m.type}`),
                      reminder: m.reminderNumber ?? 0,
                    })}
                  </title>
                </circle>
              ))}
          </g>
        );
      })}
    </svg>
  );
}
