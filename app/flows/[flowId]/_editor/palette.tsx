"use client";

import { useTranslations } from "next-intl";
import { NODE_KINDS, nodeDefinitions } from "~/app/_components/flow-canvas/nodes/node-registry";
import { Kbd } from "~/app/_components/ui/kbd";
import { useEditorCommands } from "./use-editor-commands";

/** The drag payload type; only the canvas accepts it. */
export const PALETTE_MIME = "application/x-alertflow-node";

/** The four node kinds: drag one onto the canvas, or click (or press its number) to add it mid-view. */
export function Palette() {
  const t = useTranslations("Palette");
  const commands = useEditorCommands();
  return (
    <aside className="flex w-52 shrink-0 flex-col gap-1 border-r border-border bg-panel p-2" aria-label={t("label")}>
      <h2 className="px-1 pt-1 pb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">{t("nodes")}</h2>
      {NODE_KINDS.map((kind, i) => {
        const { icon: Icon } = nodeDefinitions[kind];
        return (
          <button
            key={kind}
            type="button"
            draggable
            data-testid={`palette-${kind}`}
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_MIME, kind);
              event.dataTransfer.effectAllowed = "copy";
            }}
            onClick={() => commands.addNode(kind)}
            title={t("dragHint", { key: i + 1 })}
            className="group flex cursor-grab items-start gap-2 rounded-md border border-border bg-bg px-2 py-1.5 text-left hover:border-accent/60 hover:bg-raised active:cursor-grabbing"
          >
            <Icon className="mt-0.5 size-3.5 shrink-0 text-accent" aria-hidden />
            <span className="min-w-0 flex-1">
              <span className="block text-[12px] font-medium">{t(`kinds.${kind}.label`)}</span>
              <span className="block text-[11px] leading-4 text-muted">{t(`kinds.${kind}.hint`)}</span>
            </span>
            <Kbd>{String(i + 1)}</Kbd>
          </button>
        );
      })}
      <p className="mt-auto px-1 text-[11px] leading-4 text-muted">{t.rich("footer", { key: () => <Kbd>?</Kbd> })}</p>
    </aside>
  );
}
