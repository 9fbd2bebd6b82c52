"use client";

import { useTranslations } from "next-intl";
import { CodeBlock, prettyBody } from "./code-block";

interface RequestLike {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface ResponseLike {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function HeaderTable({ headers, label }: { headers: Record<string, string>; label: string }) {
  const t = useTranslations("IntegrationExchange");
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-[12px] text-muted">{t("noHeaders")}</p>;
  return (
    <table className="w-full font-mono text-[11.5px]" aria-label={label}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name} className="align-top">
            <th scope="row" className="w-0 py-0.5 pr-3 text-left font-normal whitespace-nowrap text-muted">
              {name}
            </th>
            <td className="py-0.5 break-all">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A request exactly as sent (secrets already redacted by the server). */
export function RequestView({
  request,
  title,
  bodyMaxHeight,
}: {
  request: RequestLike;
  title?: string;
  bodyMaxHeight?: string;
}) {
  const t = useTranslations("IntegrationExchange");
  return (
    <div className="flex flex-col gap-2" data-testid="request-view">
      <h4 className="text-[11px] font-semibold tracking-wide text-muted uppercase">{title ?? t("request")}</h4>
      <p className="flex items-start gap-2 font-mono text-[12px]">
        <span className="rounded bg-raised px-1.5 py-px text-[11px] font-semibold">{request.method}</span>
        <span className="min-w-0 break-all" data-testid="request-url">
          {request.url}
        </span>
      </p>
      <details open={Object.keys(request.headers).length <= 4}>
        <summary className="cursor-pointer text-[12px] text-muted select-none">
          {t("headers", { count: Object.keys(request.headers).length })}
        </summary>
        <div className="mt-1">
          <HeaderTable headers={request.headers} label={t("requestHeaders")} />
        </div>
      </details>
      {request.body !== "" || request.method !== "GET" ? (
        <CodeBlock label={t("requestBody")} maxHeight={bodyMaxHeight}>
          {prettyBody(request.body)}
        </CodeBlock>
      ) : null}
    </div>
  );
}

export function statusTone(status: number): "ok" | "warn" | "danger" {
  if (status >= 200 && status < 300) return "ok";
  if (status >= 300 && status < 400) return "warn";
  return "danger";
}

const TONE_CLASS = {
  ok: "border-ok/40 text-ok",
  warn: "border-warn/40 text-warn",
  danger: "border-danger/40 text-danger",
} as const;

export function StatusCode({ status }: { status: number }) {
  return (
    <span
      className={`inline-flex items-center rounded border px-1.5 py-px font-mono text-[11px] font-semibold ${TONE_CLASS[statusTone(status)]}`}
      data-testid="response-status"
    >
      {status}
    </span>
  );
}

/** The receiver's answer: status, headers (folded) and body as received (truncated at 4 KB). */
export function ResponseView({ response }: { response: ResponseLike }) {
  const t = useTranslations("IntegrationExchange");
  return (
    <div className="flex flex-col gap-2" data-testid="response-view">
      <h4 className="flex items-center gap-2 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {t("response")} <StatusCode status={response.status} />
      </h4>
      <details>
        <summary className="cursor-pointer text-[12px] text-muted select-none">
          {t("headers", { count: Object.keys(response.headers).length })}
        </summary>
        <div className="mt-1">
          <HeaderTable headers={response.headers} label={t("responseHeaders")} />
        </div>
      </details>
      <CodeBlock label={t("responseBody")}>{prettyBody(response.body)}</CodeBlock>
    </div>
  );
}
