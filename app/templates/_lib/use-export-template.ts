"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "~/app/_lib/trpc";
import type { TemplateRef } from "./types";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** Downloads a template as its JSON file (the server composes it; the browser only saves it). */
export function useExportTemplate() {
  const trpc = useTRPC();
  const serverError = useServerErrorText();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const exportTemplate = async (ref: TemplateRef) => {
    setPending(true);
    try {
      const file = await queryClient.fetchQuery(trpc.templates.export.queryOptions({ ref }, { staleTime: 0 }));
      const url = URL.createObjectURL(new Blob([file.text], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toast.error(serverError(error));
    } finally {
      setPending(false);
    }
  };
  return { exportTemplate, pending };
}
