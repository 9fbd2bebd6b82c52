"use client";

import { Copy, CopyPlus, Trash2 } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "~/app/_components/ui/button";
import { Field, Textarea } from "~/app/_components/ui/field";
import { Kbd } from "~/app/_components/ui/kbd";
import { useEditor, useEditorStore } from "../store/editor-context";
import { useEditorCommands } from "../use-editor-commands";
import { Section } from "./inspector-section";
import { inspected, NodeInspector } from "./node-inspector";

function SelectionPanel({ count }: { count: number }) {
  const commands = useEditorCommands();
  return (
    <Section title={`${count} nodes selected`}>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void commands.copy()}>
          <Copy className="size-3.5" aria-hidden /> Copy
        </Button>
        <Button onClick={commands.duplicate}>
          <CopyPlus className="size-3.5" aria-hidden /> Duplicate
        </Button>
        <Button variant="danger" onClick={commands.deleteSelection}>
          <Trash2 className="size-3.5" aria-hidden /> Delete
        </Button>
      </div>
      <p className="text-[12px] text-muted">Drag any selected node to move them together.</p>
    </Section>
  );
}

function FlowPanel({ onShortcuts }: { onShortcuts: () => void }) {
  const store = useEditorStore();
  const description = useEditor((s) => s.description);
  const counts = useEditor(useShallow((s) => [s.nodes.length, s.edges.length, s.issues.length]));
  return (
    <>
      <Section title="Flow">
        <Field label="Description" htmlFor="flow-description">
          <Textarea
            id="flow-description"
            rows={3}
            maxLength={2000}
            placeholder="What this flow is for"
            value={description}
            onChange={(e) => store.getState().setDescription(e.target.value)}
          />
        </Field>
        <p className="text-[12px] text-muted tabular-nums">
          {counts[0]} nodes · {counts[1]} connections ·{" "}
          {counts[2] === 0 ? "no problems" : counts[2] === 1 ? "1 problem" : `${counts[2]} problems`}
        </p>
      </Section>
      <Section title="Getting started">
        <ol className="flex list-decimal flex-col gap-1 pl-4 text-[12px] leading-5 text-muted">
          <li>Drag a trigger and an escalation level from the palette.</li>
          <li>Connect the trigger&apos;s output to the level&apos;s input.</li>
          <li>Send the level to an integration, directly or through a message-type branch.</li>
          <li>Select a node to set it up here; publish when the problems list is empty.</li>
        </ol>
        <button type="button" onClick={onShortcuts} className="self-start text-[12px] text-accent hover:underline">
          Keyboard shortcuts <Kbd>?</Kbd>
        </button>
      </Section>
    </>
  );
}

/** Right-hand panel: the selected node's form, the multi-selection's actions, or the flow itself. */
export function Inspector({ onShortcuts }: { onShortcuts: () => void }) {
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
    <aside className="w-80 shrink-0 overflow-y-auto border-l border-border bg-panel" aria-label="Inspector">
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
