"use client";

import { useTranslations } from "next-intl";
import { Panel } from "@xyflow/react";
import { ClipboardPaste, Copy, Maximize, Network, Redo2, Undo2, type LucideIcon } from "lucide-react";
import { useEditor } from "./store/editor-context";
import { useEditorCommands } from "./use-editor-commands";

function ToolButton({
  icon: Icon,
  label,
  shortcut,
  onClick,
  disabled,
}: {
  icon: LucideIcon;
  label: string;
  shortcut: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={`${label} (${shortcut})`}
      className="grid size-7 place-items-center rounded text-muted hover:bg-raised hover:text-fg disabled:pointer-events-none disabled:opacity-40"
    >
      <Icon className="size-4" aria-hidden />
    </button>
  );
}

const Divider = () => <span className="mx-0.5 h-4 w-px bg-border" aria-hidden />;

/** Canvas actions for the mouse; every one also has a key (see use-shortcuts.ts). */
export function CanvasToolbar() {
  const commands = useEditorCommands();
  const t = useTranslations("CanvasToolbar");
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const hasSelection = useEditor((s) => s.nodes.some((n) => n.selected));
  const isEmpty = useEditor((s) => s.nodes.length === 0);
  return (
    <Panel position="top-left">
      <div
        className="flex items-center gap-0.5 rounded-md border border-border bg-panel p-0.5 shadow-sm"
        role="toolbar"
        aria-label={t("label")}
      >
        <ToolButton icon={Undo2} label={t("undo")} shortcut="Ctrl Z" onClick={commands.undo} disabled={!canUndo} />
        <ToolButton
          icon={Redo2}
          label={t("redo")}
          shortcut="Ctrl Shift Z"
          onClick={commands.redo}
          disabled={!canRedo}
        />
        <Divider />
        <ToolButton
          icon={Network}
          label={t("layout")}
          shortcut="L"
          onClick={() => void commands.layout()}
          disabled={isEmpty}
        />
        <ToolButton icon={Maximize} label={t("fitView")} shortcut="F" onClick={commands.fitView} disabled={isEmpty} />
        <Divider />
        <ToolButton
          icon={Copy}
          label={t("copy")}
          shortcut="Ctrl C"
          onClick={() => void commands.copy()}
          disabled={!hasSelection}
        />
        <ToolButton icon={ClipboardPaste} label={t("paste")} shortcut="Ctrl V" onClick={() => void commands.paste()} />
      </div>
    </Panel>
  );
}
