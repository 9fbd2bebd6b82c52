"use client";

import { ReadOnlyFlow } from "../../_components/flow-canvas/read-only-flow";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";

type Detail = RouterOutputs["runs"]["get"];

interface Props {
  graph: NonNullable<Detail["version"]>["graph"] | null;
  highlights: Detail["highlights"];
  version: number | null;
}

/** The published version this run executed, fitted to the panel, with the path it took marked. */
export function RunGraph({ graph, highlights, version }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("RunDetail.graph");
  // Names on the integration nodes; the graph itself only holds ids.
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  return (
    <section className="overflow-hidden rounded-lg border border-border bg-panel" aria-labelledby="graph-heading">
      <header className="flex items-center justify-between gap-3 border-b border-border px-4 py-2">
        <h2 id="graph-heading" className="text-[13px] font-semibold">
          {t("title")}{" "}
          {version !== null ? <span className="font-normal text-muted">{t("version", { version })}</span> : null}
        </h2>
        <ul className="flex items-center gap-3 text-[12px] text-muted">
          <li className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm ring-2 ring-accent" aria-hidden /> {t("fired")}
          </li>
          <li className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm ring-2 ring-danger" aria-hidden /> {t("failed")}
          </li>
          <li className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm ring-2 ring-warn" aria-hidden /> {t("next")}
          </li>
        </ul>
      </header>
      <div className="h-[420px]" data-testid="run-graph">
        {graph ? (
          // No minimap: it would cover a third of a panel this small.
          <ReadOnlyFlow graph={graph} highlights={highlights} integrations={integrations.data} minimap={false} />
        ) : (
          <p className="p-4 text-muted">{t("gone")}</p>
        )}
      </div>
    </section>
  );
}
