import { formatTime } from "./format";

export interface NextStepLike {
  at: Date;
  level: number;
  messageType: "error" | "reminder";
  reminderNumber: number;
  reminderCount: number;
}

/** "Level 2 at 10:05:00 unless acknowledged", "Reminder 2 of 3 (level 1) at 10:20:00". */
export function describeNextStep(step: NextStepLike): string {
  const at = formatTime(step.at);
  return step.messageType === "error"
    ? `Level ${step.level} at ${at} unless acknowledged`
    : `Reminder ${step.reminderNumber} of ${step.reminderCount} (level ${step.level}) at ${at}`;
}

/** The short form for the list: "L2", "L1 reminder 2/3". */
export function shortNextStep(step: NextStepLike): string {
  return step.messageType === "error"
    ? `L${step.level}`
    : `L${step.level} reminder ${step.reminderNumber}/${step.reminderCount}`;
}

/** A countdown that moves every second: "in 4:05", "in 1:02:03", or "due now" once reached. */
export function countdown(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  if (ms <= 0) return "due now";
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `in ${h}:${String(m).padStart(2, "0")}:${s}` : `in ${m}:${s}`;
}
