"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "~/core/accounts/workspace-settings-inputs";
import { Button } from "../../_components/ui/button";
import { Field, Input, Textarea } from "../../_components/ui/field";
import { useTRPC } from "../../_lib/trpc";
import { checkDraft, type FieldProblem, type SettingsDraft, type SettingsField } from "./workspace-settings-form";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

interface Settings {
  name: string;
  retentionDays: number;
  timeZone: string;
  outboundAllowList: string[];
  canEdit: boolean;
}

const draftOf = (s: Settings, add?: string): SettingsDraft => ({
  name: s.name,
  retentionDays: String(s.retentionDays),
  timeZone: s.timeZone,
  outboundAllowList: [...s.outboundAllowList, ...(add && !s.outboundAllowList.includes(add) ? [add] : [])].join("\n"),
});

/** Name, retention, time zone and outbound allow-list of the current workspace; owners edit, others read. */
export function WorkspaceSettings({ add }: { add?: string }) {
  const t = useTranslations("WorkspaceSettings");
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const settings = useQuery(trpc.workspace.settings.queryOptions());
  if (settings.error) return <p className="text-danger">{errorText(settings.error)}</p>;
  if (!settings.data) return <p className="text-muted">{t("loading")}</p>;
  return <SettingsForm settings={settings.data} add={settings.data.canEdit ? add : undefined} />;
}

function SettingsForm({ settings, add }: { settings: Settings; add?: string }) {
  const t = useTranslations("WorkspaceSettings");
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.workspace.updateSettings.mutationOptions());
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings, add));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const readOnly = !settings.canEdit;

  const problemText = (problem: FieldProblem) =>
    problem.key === "allowListEntry"
      ? t("problems.allowListEntry", { entry: problem.entry })
      : t(`problems.${problem.key}`, { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS });
  const errorOf = (field: SettingsField) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? problemText(problem) : undefined;
  };
  const edit = (field: SettingsField) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const checked = checkDraft(draft);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    try {
      const saved = await save.mutateAsync(checked.value);
      queryClient.setQueryData(trpc.workspace.settings.queryKey(), saved);
      setDraft(draftOf(saved));
      await queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
      toast.success(t("saved"));
    } catch (err) {
      setServerError(errorText(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex max-w-lg flex-col gap-5" noValidate>
      <div className="flex flex-col gap-1">
        <h2 className="text-[15px] font-semibold">{t("title")}</h2>
        <p className="text-[12px] text-muted">{readOnly ? t("readOnly") : t("subtitle")}</p>
      </div>
      {add ? (
        <p className="rounded-md border border-accent/40 bg-accent/5 p-2 text-[12px]" data-testid="allow-list-adding">
          {t("adding", { host: add })}
        </p>
      ) : null}
      {serverError ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 p-2 text-[12px] text-danger">
          {t("saveFailed", { message: serverError })}
        </p>
      ) : null}
      <Field label={t("name")} htmlFor="ws-name" error={errorOf("name")}>
        <Input
          id="ws-name"
          value={draft.name}
          onChange={edit("name")}
          readOnly={readOnly}
          aria-invalid={errorOf("name") !== undefined}
          maxLength={100}
        />
      </Field>
      <Field
        label={t("retentionDays")}
        htmlFor="ws-retention"
        error={errorOf("retentionDays")}
        hint={t("retentionHint", { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS })}
      >
        <Input
          id="ws-retention"
          type="number"
          inputMode="numeric"
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          className="max-w-32"
          value={draft.retentionDays}
          onChange={edit("retentionDays")}
          readOnly={readOnly}
          aria-invalid={errorOf("retentionDays") !== undefined}
        />
      </Field>
      <Field label={t("timeZone")} htmlFor="ws-time-zone" error={errorOf("timeZone")} hint={t("timeZoneHint")}>
        <Input
          id="ws-time-zone"
          list={readOnly ? undefined : "ws-time-zones"}
          value={draft.timeZone}
          onChange={edit("timeZone")}
          readOnly={readOnly}
          aria-invalid={errorOf("timeZone") !== undefined}
          className="max-w-72"
        />
      </Field>
      <datalist id="ws-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Field
        label={t("allowList")}
        htmlFor="ws-allow-list"
        error={errorOf("outboundAllowList")}
        hint={t("allowListHint")}
      >
        <Textarea
          id="ws-allow-list"
          rows={5}
          className="font-mono"
          placeholder={readOnly ? t("allowListNone") : "127.0.0.1\nreceiver.internal:8080\n10.0.0.0/8"}
          value={draft.outboundAllowList}
          onChange={edit("outboundAllowList")}
          readOnly={readOnly}
          aria-invalid={errorOf("outboundAllowList") !== undefined}
        />
      </Field>
      {readOnly ? null : (
        <div>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      )}
    </form>
  );
}
