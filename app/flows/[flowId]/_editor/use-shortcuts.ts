"use client";

import { useEffect } from "react";
import { NODE_KINDS } from "~/app/_components/flow-canvas/nodes/node-registry";
import { useEditorCommands, type EditorCommands } from "./use-editor-commands";

/** Typing in a field, or working in a dialog, must never delete nodes or undo the canvas. */
function isOutsideCanvas(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("input, textarea, select, [role=dialog]")) return true;
  return false;
}

const hasTextSelection = () => (window.getSelection()?.toString() ?? "") !== "";

/** Shown in the shortcuts dialog (described under Shortcuts.items.<id>); `mod` is Ctrl (⌘ on a Mac). */
export const SHORTCUTS = [
  { keys: "1 – 4", id: "add" },
  { keys: "mod Z", id: "undo" },
  { keys: "mod shift Z", id: "redo" },
  { keys: "mod C / X / V", id: "clipboard" },
  { keys: "mod D", id: "duplicate" },
  { keys: "mod A", id: "selectAll" },
  { keys: "Delete", id: "delete" },
  { keys: "shift drag", id: "boxSelect" },
  { keys: "L", id: "layout" },
  { keys: "F", id: "fit" },
  { keys: "mod S", id: "save" },
  { keys: "Esc", id: "clear" },
  { keys: "?", id: "help" },
] as const;

function handleKey(
  event: KeyboardEvent,
  commands: EditorCommands,
  extra: { save: () => void; help: () => void; clear: () => void },
): boolean {
  const mod = event.metaKey || event.ctrlKey;
  const key = event.key.toLowerCase();
  if (mod && key === "z") (event.shiftKey ? commands.redo : commands.undo)();
  else if (mod && key === "y") commands.redo();
  else if (mod && key === "a") commands.selectAll();
  else if (mod && key === "d") commands.duplicate();
  else if (mod && key === "s") extra.save();
  else if (mod || event.altKey) return false;
  else if (key === "delete" || key === "backspace") commands.deleteSelection();
  else if (key === "l") void commands.layout();
  else if (key === "f") commands.fitView();
  else if (key === "escape") extra.clear();
  else if (event.key === "?") extra.help();
  else if (/^[1-4]$/.test(key)) {
    const kind = NODE_KINDS[Number(key) - 1];
    if (kind) commands.addNode(kind);
  } else return false;
  return true;
}

/** Keyboard shortcuts and the system clipboard (copy/cut/paste events carry the JSON). */
export function useShortcuts(extra: { save: () => void; help: () => void; clear: () => void }) {
  const commands = useEditorCommands();
  const { save, help, clear } = extra;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isOutsideCanvas(event.target)) return;
      if (handleKey(event, commands, { save, help, clear })) event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isOutsideCanvas(event.target) || hasTextSelection()) return;
      const text = commands.copyText();
      if (!text || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
      if (event.type === "cut") commands.deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isOutsideCanvas(event.target)) return;
      const text = event.clipboardData?.getData("text/plain");
      if (!text) return;
      event.preventDefault();
      void commands.paste(text);
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [commands, save, help, clear]);
}
