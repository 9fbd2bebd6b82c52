import { useTranslations } from "next-intl";
import { TypeIcon } from "~/app/integrations/_ui/type-icon";
import type { PlaceholderView } from "../_lib/types";
import { useNeedsPhrase } from "../_lib/use-needs-phrase";

/** "Needs: Slack · PagerDuty · SMS" as small chips, one per placeholder. */
export function NeedsList({ placeholders }: { placeholders: PlaceholderView[] }) {
  const t = useTranslations("TemplateCard");
  const { needs, typeLabel } = useNeedsPhrase();
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("needs")}>
      {placeholders.map((p) => (
        <li
          key={p.key}
          title={`${p.label}: ${needs(p)}`}
          className="inline-flex items-center gap-1 rounded border border-border bg-raised px-1.5 py-px text-[11px] text-muted"
        >
          <TypeIcon type={p.integrationType} className="size-3" />
          {typeLabel(p)}
        </li>
      ))}
    </ul>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  const t = useTranslations("TemplateCard");
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("tags")}>
      {tags.map((tag) => (
        <li key={tag} className="rounded bg-accent/10 px-1.5 py-px text-[11px] text-accent">
          {tag}
        </li>
      ))}
    </ul>
  );
}
