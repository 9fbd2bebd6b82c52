import type { IntegrationOption } from "~/app/_components/flow-canvas/canvas-types";
import type { FlowGraph } from "~/core/flow/document";
import { bindPlaceholders, standInMapping } from "~/core/flow-templates/bind-placeholders";
import type { PlaceholderView } from "./types";

/**
 * A template's graph as the canvas draws it: each placeholder bound to a stand-in integration
 * named after what it needs, so integration nodes read "Slack · chosen on use" rather than
 * warning that nothing is chosen.
 */
export function templateCanvas(
  template: { graph: FlowGraph; placeholders: PlaceholderView[] },
  chosenOnUse: (typeLabel: string) => string,
) {
  const mapping = standInMapping(template.placeholders);
  const integrations: IntegrationOption[] = template.placeholders.map((p) => ({
    id: mapping[p.key] ?? "",
    type: p.integrationType,
    name: chosenOnUse(p.typeLabel),
    enabled: true,
    perLevelVariables: [],
    typeLabel: p.typeLabel,
  }));
  return { graph: bindPlaceholders(template, mapping), integrations };
}
