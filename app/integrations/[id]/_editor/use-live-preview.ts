"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";
import { useTRPCClient } from "~/app/_lib/trpc";
import { previewInput } from "~/core/integrations/integration-inputs";
import type { MessageType } from "~/core/message-template/message-type";
import { useDebounced } from "../../_lib/use-debounced";
import { useEditorContext } from "./editor-context";
import { formToDraft, type EditorForm } from "./form-model";

/**
 * Renders the editor's current (unsaved) state for one message type on the server, a moment
 * after typing stops. The stored secrets fill in what the browser never sees.
 */
export function useLivePreview(messageType: MessageType) {
  const { entry, integration } = useEditorContext();
  const client = useTRPCClient();
  const { control, getValues } = useFormContext<EditorForm>();
  // Subscribes to every change; getValues then reads the whole form with its full type.
  useWatch({ control });
  const request = JSON.stringify({
    integrationId: integration.id,
    draft: formToDraft(getValues(), entry),
    messageType,
    levelVariables: {},
  });
  const settled = useDebounced(request, 300);
  return useQuery({
    queryKey: ["integrations.preview", settled],
    // The settled text is what gets sent, so the answer always matches its key.
    queryFn: () => client.integrations.preview.mutate(previewInput.parse(JSON.parse(settled))),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
