"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Select } from "~/app/_components/ui/field";
import type { CatalogueEntry } from "~/app/integrations/_lib/catalogue";
import { TypeTile } from "~/app/integrations/_ui/type-icon";
import type { PlaceholderView } from "../_lib/types";
import { useNeedsPhrase } from "../_lib/use-needs-phrase";
import { CreateIntegrationInline } from "./create-integration-inline";

const CREATE = "__create__";

interface Props {
  placeholder: PlaceholderView;
  /** The workspace's integrations of the placeholder's type. */
  options: { id: string; name: string; enabled: boolean }[];
  entry: CatalogueEntry | undefined;
  value: string;
  onChange: (integrationId: string) => void;
  onFocus: () => void;
  error?: string;
}

/** One placeholder: what it is for, what the flow sets per level, and which integration fills it. */
export function PlaceholderRow({ placeholder, options, entry, value, onChange, onFocus, error }: Props) {
  const t = useTranslations("UseTemplate");
  const { needs, typeLabel } = useNeedsPhrase();
  const [creating, setCreating] = useState(false);
  const id = `placeholder-${placeholder.key}`;
  return (
    <li className="flex gap-3 py-3" onFocus={onFocus} onMouseEnter={onFocus} data-testid="placeholder-row">
      <TypeTile type={placeholder.integrationType} />
      <div className="min-w-0 flex-1">
        <Field
          label={`${placeholder.label} — ${needs(placeholder)}`}
          htmlFor={id}
          error={error}
          hint={
            placeholder.perLevel.length > 0
              ? placeholder.perLevel
                  .map((p) =>
                    t("levelSets", {
                      node: p.node,
                      values: Object.entries(p.values)
                        .map(([k, v]) => `${k} = ${v}`)
                        .join(", "),
                    }),
                  )
                  .join("; ")
              : undefined
          }
        >
          <Select
            id={id}
            value={creating ? CREATE : value}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              const next = e.target.value;
              setCreating(next === CREATE);
              if (next !== CREATE) onChange(next);
            }}
          >
            <option value="">
              {options.length > 0
                ? t("choose", { needs: needs(placeholder) })
                : t("noneYet", { type: typeLabel(placeholder) })}
            </option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.enabled ? o.name : t("disabledName", { name: o.name })}
              </option>
            ))}
            <option value={CREATE}>{t("createNew", { type: typeLabel(placeholder) })}</option>
          </Select>
        </Field>
        {creating && entry ? (
          <CreateIntegrationInline
            entry={entry}
            defaultName={placeholder.label}
            onCancel={() => setCreating(false)}
            onCreated={(integrationId) => {
              setCreating(false);
              onChange(integrationId);
            }}
          />
        ) : null}
      </div>
    </li>
  );
}
