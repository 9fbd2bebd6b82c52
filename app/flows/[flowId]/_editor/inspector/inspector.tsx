"use client";

import { Copy, CopyPlus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useShallow } from "zustand/react/shallow";
import { Button } from "~/app/_components/ui/button";
import { Field, Textarea } from "~/app/_components/ui/field";
import { Kbd } from "~/app/_components/ui/kbd";
import { useEditor, useEditorStore } from "../store/editor-context";
import { useEditorCommands } from "../use-editor-commands";
import { Section } from "./inspector-section";
import { inspected, NodeInspector } from "./node-inspector";

function SelectionPanel({ count }: { count: number }) {
  const t = useTranslations("Inspector");
  const commands = useEditorCommands();
  return (
    <Section title={t("selected", { count })}>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void commands.copy()}>
          <Copy className="size-3.5" aria-hidden /> {t("copy")}
        </Button>
        <Button onClick={commands.duplicate}>
          <CopyPlus className="size-3.5" aria-hidden /> {t("duplicate")}
        </Button>
        <Button variant="danger" onClick={commands.deleteSelection}>
          <Trash2 className="size-3.5" aria-hidden /> {t("delete")}
        </Button>
      </div>
      <p className="text-[12px] text-muted">{t("dragTogether")}</p>
    </Section>
  );
}

function FlowPanel({ onShortcuts }: { onShortcuts: () => void }) {
  const t = useTranslations("Inspector");
  const store = useEditorStore();
  const description = useEditor((s) => s.description);
  const counts = useEditor(useShallow((s) => [s.nodes.length, s.edges.length, s.issues.length]));
  return (
    <>
      <Section title={t("flow")}>
        <Field label={t("description")} htmlFor="flow-description">
          <Textarea
            id="flow-description"
            rows={3}
            maxLength={2000}
            placeholder={t("descriptionPlaceholder")}
            value={description}
            onChange={(e) => store.getState().setDescription(e.target.value)}
          />
        </Field>
        <p className="text-[12px] text-muted tabular-nums">
          {t("counts", { nodes: counts[0] ?? 0, edges: counts[1] ?? 0, problems: counts[2] ?? 0 })}
        </p>
      </Section>
      <Section title={t("gettingStarted")}>
        <ol className="flex list-decimal flex-col gap-1 pl-4 text-[12px] leading-5 text-muted">
          <li>{t("steps.drag")}</li>
          <li>{t("steps.connect")}</li>
          <li>{t("steps.send")}</li>
          <li>{t("steps.select")}</li>
        </ol>
        <button type="button" onClick={onShortcuts} className="self-start text-[12px] text-accent hover:underline">
          {t("shortcuts")} <Kbd>?</Kbd>
        </button>
      </Section>
    </>
  );
}

/** Right-hand panel: the selected node's form, the multi-selection's actions, or the flow itself. */
export function Inspector({ onShortcuts }: { onShortcuts: () => void }) {
  const t = useTranslations("Inspector");
  const selected = useEditor(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const [onlyId] = selected;
  // Only the node's kind and data: a drag gives the node a new object on every frame, and
  // re-rendering the form that often made dragging the selected node stutter.
  const node = useEditor(
    useShallow((s) => {
      const found = selected.length === 1 ? s.nodes.find((n) => n.id === onlyId) : undefined;
      return found ? inspected(found) : undefined;
    }),
  );
  // Undo, paste and restore change data under the form: remount it on those, not on its own edits.
  const externalSeq = useEditor((s) => s.externalSeq);
  return (
    <aside className="w-80 shrink-0 overflow-y-auto border-l border-border bg-panel" aria-label={t("label")}>
      {node ? (
        <NodeInspector key={`${node.id}:${externalSeq}`} node={node} />
      ) : selected.length > 1 ? (
        <SelectionPanel count={selected.length} />
      ) : (
        <FlowPanel onShortcuts={onShortcuts} />
      )}
    </aside>
  );
}
