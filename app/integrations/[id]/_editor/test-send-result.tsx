"use client";

import { CircleAlert, CircleCheck, CircleMinus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import type { TestSendOutcome } from "../../_lib/catalogue";
import { useStepName } from "../../_lib/use-step-name";
import { RequestView, ResponseView } from "../../_ui/exchange-view";
import type { EditorForm } from "./form-model";

function Summary({ result }: { result: TestSendOutcome }) {
  const t = useTranslations("IntegrationEditor.testResult");
  const format = useFormatter();
  const delivered = result.ok && !result.skipped;
  const Icon = result.skipped ? CircleMinus : delivered ? CircleCheck : CircleAlert;
  const tone = result.skipped ? "text-muted" : delivered ? "text-ok" : "text-danger";
  const title = result.skipped ? t("notSent") : delivered ? t("delivered") : t("failed");
  return (
    <div className="flex flex-col gap-1" data-testid="test-send-summary">
      <p className={`flex items-center gap-1.5 text-[13px] font-semibold ${tone}`}>
        <Icon className="size-4" aria-hidden /> {title}
        {result.status !== undefined ? <span className="font-mono">{result.status}</span> : null}
      </p>
      <p className="text-[12px] text-muted">
        {t("facts", { latency: result.latencyMs, requests: result.requests })} ·{" "}
        {format.dateTime(new Date(result.sentAt), { timeStyle: "medium" })}
      </p>
      {result.error ? (
        <p
          className="rounded-md border border-danger/40 bg-danger/5 px-2.5 py-1.5 text-[12px] break-words text-danger"
          role="alert"
        >
          <span className="font-mono">{result.error.code}</span> {result.error.message}
        </p>
      ) : null}
      {result.skipped && result.skipReason ? <p className="text-[12px] text-muted">{result.skipReason}</p> : null}
    </div>
  );
}

/** The exact exchange of a test-send: every step's request (secrets redacted) and response. */
export function TestSendResult({ result }: { result: TestSendOutcome }) {
  const t = useTranslations("IntegrationEditor.testResult");
  const stepName = useStepName();
  // Uncustomized, the steps sent are the type's own: their names are Alertflow's words.
  const customized = useWatch<EditorForm, "customized">({ name: "customized" });
  const steps =
    result.steps.length > 0
      ? result.steps
      : result.request
        ? [{ name: t("message"), request: result.request, response: result.response, latencyMs: result.latencyMs }]
        : [];
  return (
    <div className="flex flex-col gap-4" data-testid="test-send-result">
      <Summary result={result} />
      {steps.map((step, i) => (
        <div key={`${step.name}-${i}`} className="flex flex-col gap-3 border-t border-border pt-3">
          {steps.length > 1 ? (
            <h3 className="text-[12px] font-semibold">
              {i + 1}. {stepName({ kind: "http", number: i + 1, name: step.name, builtIn: !customized })}{" "}
              <span className="font-normal text-muted">{t("latency", { latency: step.latencyMs })}</span>
            </h3>
          ) : null}
          <RequestView request={step.request} />
          {step.response ? (
            <ResponseView response={step.response} />
          ) : (
            <p className="text-[12px] text-muted">{t("noResponse")}</p>
          )}
        </div>
      ))}
    </div>
  );
}
