"use client";

import { useTranslations } from "next-intl";
import type { RouterOutputs } from "../../_lib/trpc";
import { prettyBody } from "../_lib/format";

type Delivery = Extract<RouterOutputs["runs"]["get"]["timeline"][number], { kind: "delivery" }>["delivery"];

interface Props {
  id: string;
  request: Delivery["request"];
  response: Delivery["response"];
}

/** The redacted request and the truncated response, as stored on the delivery. */
export function ExchangePanel({ id, request, response }: Props) {
  const t = useTranslations("RunDelivery");
  return (
    <div id={id} className="grid gap-3 border-t border-border px-3 py-2" data-testid="exchange">
      <Block
        title={t("request")}
        firstLine={request ? `${request.method} ${request.url}`.trim() : ""}
        headers={request?.headers ?? {}}
        body={request?.body ?? ""}
        note={t("redacted")}
        empty={t("noRequest")}
        present={request !== null}
        emptyBody={t("empty")}
      />
      <Block
        title={t("response")}
        firstLine={response?.status !== null && response?.status !== undefined ? `HTTP ${response.status}` : ""}
        headers={response?.headers ?? {}}
        body={response?.body ?? ""}
        note={t("firstKb")}
        empty={t("noResponse")}
        emptyBody={t("empty")}
        present={response !== null}
      />
    </div>
  );
}

interface BlockProps {
  title: string;
  firstLine: string;
  headers: Record<string, string>;
  body: string;
  note: string;
  empty: string;
  /** What an exchange without headers or body shows. */
  emptyBody: string;
  present: boolean;
}

function Block({ title, firstLine, headers, body, note, empty, emptyBody, present }: BlockProps) {
  const entries = Object.entries(headers);
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <h3 className="text-[12px] font-semibold">{title}</h3>
        <span className="text-[11px] text-muted">{note}</span>
      </div>
      {present ? (
        <pre className="max-h-72 overflow-auto rounded border border-border bg-panel p-2 font-mono text-[11px] leading-relaxed whitespace-pre-wrap wrap-anywhere">
          {firstLine ? <span className="font-semibold">{`${firstLine}\n`}</span> : null}
          {entries.map(([k, v]) => (
            <span key={k}>
              <span className="text-muted">{`${k}: `}</span>
              {`${v}\n`}
            </span>
          ))}
          {body ? `\n${prettyBody(body)}` : entries.length === 0 && !firstLine ? emptyBody : ""}
        </pre>
      ) : (
        <p className="text-[12px] text-muted">{empty}</p>
      )}
    </div>
  );
}
