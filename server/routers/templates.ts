import { saveFlowAsTemplate } from "../flow-templates/save-template";
import {
  exportInput,
  getTemplateInput,
  importFileInput,
  listTemplatesInput,
  saveFromFlowInput,
  shareLinkInput,
  shareTokenInput,
  useSharedInput,
  templateIdInput,
  updateTemplateInput,
  useTemplateInput,
} from "../flow-templates/template-inputs";
import { getTemplate, listTemplates } from "../flow-templates/template-queries";
import { deleteTemplate, updateTemplate } from "../flow-templates/template-service";
import {
  copySharedTemplate,
  createShareLink,
  listShareLinks,
  readSharedTemplate,
  revokeShareLink,
} from "../flow-templates/template-share";
import { exportTemplate, importTemplateFile } from "../flow-templates/template-transfer";
import { useTemplate } from "../flow-templates/use-template";
import { anonymousProcedure, editorProcedure, router, viewerProcedure } from "../trpc";

export const templatesRouter = router({
  /** Built-ins and the workspace's templates, each with its graph for the gallery thumbnails. */
  list: viewerProcedure.input(listTemplatesInput).query(({ ctx, input }) => listTemplates(ctx, input.locale)),
  get: viewerProcedure
    .input(getTemplateInput)
    .query(({ ctx, input }) => getTemplate(ctx, input.templateId, input.version)),
  saveFromFlow: editorProcedure.input(saveFromFlowInput).mutation(({ ctx, input }) => saveFlowAsTemplate(ctx, input)),
  update: editorProcedure.input(updateTemplateInput).mutation(({ ctx, input }) => updateTemplate(ctx, input)),
  delete: editorProcedure.input(templateIdInput).mutation(({ ctx, input }) => deleteTemplate(ctx, input.templateId)),
  /** A query: exporting changes nothing. */
  export: viewerProcedure.input(exportInput).query(({ ctx, input }) => exportTemplate(ctx, input.ref)),
  import: editorProcedure
    .input(importFileInput)
    .mutation(({ ctx, input }) => importTemplateFile(ctx, input.fileText, input.locale)),
  use: editorProcedure.input(useTemplateInput).mutation(({ ctx, input }) => useTemplate(ctx, input)),
  shareLinks: viewerProcedure.input(templateIdInput).query(({ ctx, input }) => listShareLinks(ctx, input.templateId)),
  createShareLink: editorProcedure
    .input(templateIdInput)
    .mutation(({ ctx, input }) => createShareLink(ctx, input.templateId)),
  revokeShareLink: editorProcedure
    .input(shareLinkInput)
    .mutation(({ ctx, input }) => revokeShareLink(ctx, input.templateId, input.linkId)),
  /** The public page's read: anyone holding an active link, signed in or not. */
  shared: anonymousProcedure.input(shareTokenInput).query(({ ctx, input }) => readSharedTemplate(ctx.db, input.token)),
  /** Copies a shared template into the caller's workspace for the wizard. */
  useShared: editorProcedure
    .input(useSharedInput)
    .mutation(({ ctx, input }) => copySharedTemplate(ctx, input.token, input.locale)),
});
