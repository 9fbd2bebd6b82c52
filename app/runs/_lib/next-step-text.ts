"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";

export interface NextStepLike {
  at: Date;
  level: number;
  messageType: "error" | "reminder";
  reminderNumber: number;
  reminderCount: number;
}

type Translate = ReturnType<typeof useTranslations<"RunNextSteps">>;
type Formatter = ReturnType<typeof useFormatter>;

/** The next-step words in the page's language. */
export function useNextStepText() {
  const t = useTranslations("RunNextSteps");
  const format = useFormatter();
  return useMemo(() => nextStepTextWith(t, format), [t, format]);
}

export function nextStepTextWith(t: Translate, format: Formatter) {
  const time = (at: Date) => format.dateTime(at, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return {
    /** "Level 2 at 10:05:00 unless acknowledged", "Reminder 2 of 3 (level 1) at 10:20:00". */
    describeNextStep: (step: NextStepLike): string =>
      step.messageType === "error"
        ? t("level", { level: step.level, at: time(step.at) })
        : t("reminder", {
            number: step.reminderNumber,
            count: step.reminderCount,
            level: step.level,
            at: time(step.at),
          }),
    /** The short form for the list: "L2", "L1 reminder 2/3". */
    shortNextStep: (step: NextStepLike): string =>
      step.messageType === "error"
        ? t("levelShort", { level: step.level })
        : t("reminderShort", { level: step.level, number: step.reminderNumber, count: step.reminderCount }),
    /** A countdown that moves every second: "in 4:05", "in 1:02:03", or "due now" once reached. */
    countdown: (at: Date, now: Date): string => {
      const ms = at.getTime() - now.getTime();
      if (ms <= 0) return t("dueNow");
      const total = Math.ceil(ms / 1000);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = String(total % 60).padStart(2, "0");
      return t("in", { time: h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}` });
    },
    /** "Level 3 on the 5th error (2 so far)". */
    waiting: (w: { level: number; errorsNeeded: number; errorsSoFar: number }): string =>
      t("waiting", { level: w.level, needed: w.errorsNeeded, soFar: w.errorsSoFar }),
  };
}
