"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, Download, Pencil, Save, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useTRPC } from "~/app/_lib/trpc";
import { TypeTile } from "~/app/integrations/_ui/type-icon";
import { EditTemplateDialog } from "../_components/edit-template-dialog";
import { TagList } from "../_components/needs-list";
import { SaveAsTemplateDialog, type SaveAsTemplateTarget } from "../_components/save-as-template-dialog";
import { ShareLinks } from "../_components/share-links";
import { TemplateGraph } from "../_components/template-thumbnail";
import { UseTemplateDialog, type UsableTemplate } from "../_components/use-template-dialog";
import { useExportTemplate } from "../_lib/use-export-template";
import { useNeedsPhrase } from "../_lib/use-needs-phrase";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

export function TemplateDetailPage({ templateId }: { templateId: string }) {
  const t = useTranslations("TemplateDetail");
  const { needs } = useNeedsPhrase();
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const template = useQuery(trpc.templates.get.queryOptions({ templateId }));
  const [using, setUsing] = useState<UsableTemplate | null>(null);
  const [saving, setSaving] = useState<SaveAsTemplateTarget | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const { exportTemplate, pending: exporting } = useExportTemplate();
  const remove = useMutation(
    trpc.templates.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        toast.success(t("deleted"));
        router.push("/templates");
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );

  const tpl = template.data;
  if (!tpl) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p className={`p-6 ${template.error ? "text-danger" : "text-muted"}`}>
          {template.error ? errorText(template.error) : t("loading")}
        </p>
      </>
    );
  }
  const openVersion = async (version: number) => {
    const shown = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ templateId, version }));
    setUsing({ ...shown, ref: { kind: "workspace", templateId, version } });
  };

  return (
    <>
      <PageHeader
        title={tpl.name}
        subtitle={t(tpl.author ? "subtitleBy" : "subtitle", {
          version: tpl.version,
          author: tpl.author ?? "",
          updated: format.dateTime(tpl.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
        })}
        actions={
          <>
            <Button variant="ghost" onClick={() => setDeleting(true)} aria-label={t("delete")}>
              <Trash2 className="size-3.5" aria-hidden />
            </Button>
            <Button variant="ghost" onClick={() => setEditing(true)}>
              <Pencil className="size-3.5" aria-hidden /> {t("editDetails")}
            </Button>
            <Button onClick={() => void exportTemplate(tpl.ref)} disabled={exporting}>
              <Download className="size-3.5" aria-hidden /> {t("export")}
            </Button>
            <Button
              onClick={() => setSaving({ templateId, name: tpl.name, description: tpl.description, tags: tpl.tags })}
            >
              <Save className="size-3.5" aria-hidden /> {t("saveVersion")}
            </Button>
            <Button variant="primary" onClick={() => setUsing(tpl)}>
              {t("use")} <ArrowRight className="size-3.5" aria-hidden />
            </Button>
          </>
        }
      />
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_380px]">
        <TemplateGraph template={tpl} size="large" className="min-h-[520px] border-r border-border" />
        <aside className="flex flex-col gap-5 overflow-auto p-5">
          <Block title={t("about")}>
            <p className="text-[13px] leading-relaxed whitespace-pre-line">{tpl.description || t("noDescription")}</p>
            <TagList tags={tpl.tags} />
          </Block>
          <Block title={t("needs")}>
            <ul className="flex flex-col gap-2">
              {tpl.placeholders.map((p) => (
                <li key={p.key} className="flex gap-2">
                  <TypeTile type={p.integrationType} />
                  <div className="min-w-0 text-[12px]">
                    <div className="font-medium">{p.label}</div>
                    <div className="text-muted">{needs(p)}</div>
                    {p.perLevel.map((l) => (
                      <div key={l.nodeId} className="text-muted">
                        {l.node}:{" "}
                        {Object.entries(l.values)
                          .map(([k, v]) => `${k} = ${v}`)
                          .join(", ")}
                      </div>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          </Block>
          <Block title={t("share")}>
            <ShareLinks templateId={templateId} />
          </Block>
          <Block title={t("versions")}>
            <ul className="divide-y divide-border rounded-md border border-border">
              {tpl.versions.map((v) => (
                <li key={v.id} className="flex items-center gap-2 px-2.5 py-1.5 text-[12px]">
                  <span className="font-medium tabular-nums">v{v.version}</span>
                  <span className="min-w-0 flex-1 truncate text-muted">
                    {format.dateTime(v.createdAt, { dateStyle: "medium" })}
                    {v.author ? ` · ${v.author}` : ""}
                    {v.note ? ` · ${v.note}` : ""}
                  </span>
                  <Button variant="ghost" onClick={() => void openVersion(v.version)}>
                    {t("useVersion")}
                  </Button>
                  <Button
                    variant="ghost"
                    onClick={() => void exportTemplate({ kind: "workspace", templateId, version: v.version })}
                    aria-label={t("exportVersion", { version: v.version })}
                  >
                    <Download className="size-3.5" aria-hidden />
                  </Button>
                </li>
              ))}
            </ul>
          </Block>
          <Block title={t("flowsMade", { count: tpl.flows.length })}>
            {tpl.flows.length === 0 ? (
              <p className="text-[12px] text-muted">{t("noneYet")}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-[12px]">
                {tpl.flows.map((f) => (
                  <li key={f.id}>
                    <Link href={`/flows/${f.id}`} className="hover:underline">
                      {f.name}
                    </Link>{" "}
                    <span className="text-muted">{t("fromVersion", { version: f.version })}</span>
                  </li>
                ))}
              </ul>
            )}
          </Block>
        </aside>
      </div>
      <UseTemplateDialog template={using} onOpenChange={(open) => (open ? null : setUsing(null))} />
      <SaveAsTemplateDialog target={saving} onOpenChange={(open) => (open ? null : setSaving(null))} />
      <EditTemplateDialog
        template={editing ? { templateId, name: tpl.name, description: tpl.description, tags: tpl.tags } : null}
        onOpenChange={setEditing}
      />
      <Dialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t("deleteTitle", { name: tpl.name })}
        description={t("deleteDescription")}
        footer={
          <>
            <Button variant="ghost" onClick={() => setDeleting(false)}>
              {t("cancel")}
            </Button>
            <Button variant="danger" onClick={() => remove.mutate({ templateId })} disabled={remove.isPending}>
              {t("confirmDelete")}
            </Button>
          </>
        }
      >
        <span />
      </Dialog>
    </>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-[11px] font-semibold tracking-wide text-muted uppercase">{title}</h2>
      {children}
    </section>
  );
}
