"use client";

import { CalendarDays } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useId, useState } from "react";
import { DayPicker } from "react-day-picker";
import { enUS } from "react-day-picker/locale/en-US";
import { fr } from "react-day-picker/locale/fr";
import { nl } from "react-day-picker/locale/nl";
import { Input } from "../_components/ui/field";
import { atTimeOfDay, dayOf, parseTimeOfDay, timeOfDay } from "./_lib/time-of-day";

/** The calendar's month and weekday names, week start and labels, in the page's language. */
const CALENDAR_LOCALES = { en: enUS, fr, nl } as const;

interface Props {
  label: string;
  /** An ISO instant, as in the URL. */
  value: string | undefined;
  onChange: (iso: string | undefined) => void;
  /** The time a newly picked day starts with: 00:00 for "from", 23:59 for "to" (the whole day). */
  defaultTime: string;
}

/**
 * A date and time filter in the page's language (the native datetime-local input follows the
 * browser's): a button showing the value, a calendar (arrow keys move by day and week, Page Up
 * and Down by month, Enter picks) and a 24-hour time field.
 */
export function DateTimeFilter({ label, value, onChange, defaultTime }: Props) {
  const t = useTranslations("RunFilters");
  const locale = useLocale();
  const format = useFormatter();
  const timeId = useId();
  const [open, setOpen] = useState(false);
  const [time, setTime] = useState(() => timeOfDay(value, defaultTime));
  const selected = dayOf(value);
  const shown = value
    ? format.dateTime(new Date(value), {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      })
    : t("anyTime");
  const timeInvalid = parseTimeOfDay(time) === undefined;

  const pickDay = (day: Date | undefined) => {
    if (!day) return onChange(undefined);
    onChange(atTimeOfDay(day, timeInvalid ? defaultTime : time));
  };
  const typeTime = (text: string) => {
    setTime(text);
    if (selected && parseTimeOfDay(text)) onChange(atTimeOfDay(selected, text));
  };

  return (
    <div className="flex items-center gap-1.5 text-[12px] text-muted">
      <span aria-hidden>{label}</span>
      <Popover.Root
        open={open}
        onOpenChange={(next) => {
          // Opening shows the time of the value in force, not a half-typed one from before.
          if (next) setTime(timeOfDay(value, defaultTime));
          setOpen(next);
        }}
      >
        <Popover.Trigger
          className={`inline-flex h-7 min-w-[9.5rem] items-center whitespace-nowrap gap-1.5 rounded-md border border-border bg-bg px-2 text-left text-[13px] hover:bg-raised focus:border-accent focus:outline-none ${value ? "text-fg" : "text-muted"}`}
          aria-label={t("pickDate", { label, value: shown })}
          data-testid={`date-filter-${defaultTime === "00:00" ? "from" : "to"}`}
        >
          <CalendarDays className="size-3.5 shrink-0 text-muted" aria-hidden />
          <span>{shown}</span>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            className="z-50 rounded-md border border-border bg-panel p-2 text-fg shadow-lg"
            aria-label={label}
          >
            <DayPicker
              mode="single"
              locale={CALENDAR_LOCALES[locale === "fr" || locale === "nl" ? locale : "en"]}
              selected={selected}
              defaultMonth={selected}
              onSelect={pickDay}
              autoFocus
            />
            <div className="flex items-end justify-between gap-2 border-t border-border px-1 pt-2">
              <div className="flex flex-col gap-1">
                <label htmlFor={timeId} className="text-[11px] font-medium text-muted">
                  {t("time")}
                </label>
                <div className="w-20">
                  <Input
                    id={timeId}
                    className="font-mono"
                    inputMode="numeric"
                    autoComplete="off"
                    value={time}
                    aria-invalid={timeInvalid}
                    onChange={(e) => typeTime(e.target.value)}
                  />
                </div>
              </div>
              <div className="flex gap-1">
                <button
                  type="button"
                  disabled={!value}
                  onClick={() => {
                    onChange(undefined);
                    setOpen(false);
                  }}
                  className="h-7 rounded-md px-2 text-[12px] text-muted hover:bg-raised hover:text-fg disabled:opacity-50"
                >
                  {t("clearDate")}
                </button>
                <Popover.Close className="h-7 rounded-md bg-accent px-2.5 text-[12px] font-medium text-accent-fg">
                  {t("done")}
                </Popover.Close>
              </div>
            </div>
            {timeInvalid ? (
              <p className="px-1 pt-1 text-[11px] text-danger" role="alert">
                {t("timeInvalid")}
              </p>
            ) : null}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
