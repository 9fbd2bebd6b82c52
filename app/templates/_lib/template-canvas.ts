import type { IntegrationOption } from "~/app/_components/flow-canvas/canvas-types";
import type { FlowGraph } from "~/core/flow/document";
import { bindPlaceholders, standInMapping } from "~/core/flow-templates/bind-placeholders";
import type { PlaceholderView } from "./types";

/**
 * A template's graph as the canvas draws it: each placeholder bound to a stand-in integration
 * named after what it needs in the page's language, so integration nodes read "Slack · chosen on use" rather than
 * warning that nothing is chosen.
 */
export function templateCanvas(
  template: { graph: FlowGraph; placeholders: PlaceholderView[] },
  words: {
    chosenOnUse: (placeholder: PlaceholderView) => string;
    typeLabel: (placeholder: PlaceholderView) => string;
  },
) {
  const mapping = standInMapping(template.placeholders);
  const integrations: IntegrationOption[] = template.placeholders.map((p) => ({
    id: mapping[p.key] ?? "",
    type: p.integrationType,
    name: words.chosenOnUse(p),
    enabled: true,
    perLevelVariables: [],
    typeLabel: words.typeLabel(p),
  }));
  return { graph: bindPlaceholders(template, mapping), integrations };
}
