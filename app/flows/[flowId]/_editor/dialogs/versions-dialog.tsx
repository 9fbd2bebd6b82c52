"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useShallow } from "zustand/react/shallow";
import { toFlowGraph } from "~/app/_components/flow-canvas/graph-mapping";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { Select } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { useEditor } from "../store/editor-context";
import type { Autosave } from "../use-autosave";
import { VersionDiff } from "./version-diff";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

const DRAFT = "draft";

interface VersionsProps {
  flowId: string;
  autosave: Autosave;
  onRestored: () => void;
}

function Versions({ flowId, autosave, onRestored }: VersionsProps) {
  const t = useTranslations("Versions");
  const format = useFormatter();
  const trpc = useTRPC();
  const serverError = useServerErrorText();
  const versions = useQuery(trpc.flows.versions.queryOptions({ flowId }));
  const list = versions.data ?? [];
  const [fromChoice, setFrom] = useState<string | null>(null);
  const [toChoice, setTo] = useState(DRAFT);
  const from = fromChoice ?? list[0]?.id ?? DRAFT;

  const { nodes, edges, integrations } = useEditor(
    useShallow((s) => ({ nodes: s.nodes, edges: s.edges, integrations: s.integrations })),
  );
  const draft = useMemo(() => toFlowGraph(nodes, edges), [nodes, edges]);
  const integrationList = useMemo(() => Object.values(integrations), [integrations]);
  const versionQuery = (id: string) => ({
    ...trpc.flows.version.queryOptions({ flowId, versionId: id }),
    enabled: id !== DRAFT,
  });
  const fromVersion = useQuery(versionQuery(from));
  const toVersion = useQuery(versionQuery(toChoice));
  const graphOf = (id: string, data: typeof fromVersion.data) => (id === DRAFT ? draft : (data?.graph ?? null));
  const fromGraph = graphOf(from, fromVersion.data);
  const toGraph = graphOf(toChoice, toVersion.data);
  const nameOf = (id: string) =>
    id === DRAFT ? t("currentDraft") : t("version", { version: list.find((v) => v.id === id)?.version ?? "?" });

  const restore = async (versionId: string, version: number) => {
    try {
      await autosave.restoreVersion(versionId);
    } catch (err) {
      toast.error(t("restoreFailed", { version, reason: serverError(err) }));
      return;
    }
    toast.success(t("restored", { version }));
    onRestored();
  };

  const options = [
    { id: DRAFT, label: t("currentDraft") },
    ...list.map((v) => ({ id: v.id, label: t("version", { version: v.version }) })),
  ];
  return (
    <div className="flex h-[75vh] min-h-0">
      <ul className="w-72 shrink-0 overflow-y-auto border-r border-border" aria-label={t("published")}>
        {versions.isLoading ? <li className="p-4 text-muted">{t("loading")}</li> : null}
        {list.length === 0 && !versions.isLoading ? <li className="p-4 text-muted">{t("none")}</li> : null}
        {list.map((v) => (
          <li key={v.id} className="border-b border-border px-4 py-2.5" data-testid="version-row">
            <div className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate">
                <span className="font-medium">{t("version", { version: v.version })}</span>
                {v.authorName ? <span className="text-muted"> · {v.authorName}</span> : null}
              </span>
              <span
                className="text-[11px] text-muted"
                title={format.dateTime(v.createdAt, { dateStyle: "full", timeStyle: "long" })}
              >
                {format.relativeTime(v.createdAt)}
              </span>
            </div>
            <p className="mt-0.5 text-[12px] break-words text-muted">{v.note || t("noNote")}</p>
            <div className="mt-1.5 flex gap-1">
              <Button variant="ghost" onClick={() => setFrom(v.id)}>
                {t("compare")}
              </Button>
              <Button variant="ghost" onClick={() => void restore(v.id, v.version)}>
                <RotateCcw className="size-3.5" aria-hidden /> {t("restore")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div className="flex min-w-0 flex-1 flex-col gap-3 p-4">
        <div className="flex items-center gap-2 text-[12px]">
          <span className="text-muted">{t("compare")}</span>
          <Select aria-label={t("compareFrom")} className="w-44" value={from} onChange={(e) => setFrom(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
          <span className="text-muted">{t("with")}</span>
          <Select
            aria-label={t("compareWith")}
            className="w-44"
            value={toChoice}
            onChange={(e) => setTo(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        {fromGraph && toGraph ? (
          <VersionDiff
            from={{ label: nameOf(from), graph: fromGraph }}
            to={{ label: nameOf(toChoice), graph: toGraph }}
            integrations={integrationList}
          />
        ) : (
          <p className="text-muted">{t("loadingVersions")}</p>
        )}
      </div>
    </div>
  );
}

/** Published versions: compare any two (or one with the draft) and restore one as the draft. */
export function VersionsDialog({
  open,
  onOpenChange,
  ...props
}: VersionsProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("Versions");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} size="xl" title={t("title")} description={t("description")}>
      <Versions {...props} />
    </Dialog>
  );
}
