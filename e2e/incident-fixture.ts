import { expect } from "@playwright/test";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import type { apiClient } from "./api-client";

type Api = ReturnType<typeof apiClient>;

/**
 * A published flow whose levels (one integration node each, all on one webhook) fire `afterSeconds`
 * after the first error, and the inbound token to alert it: the set-up every runs journey shares.
 */
export async function escalatingFlow(
  api: Api,
  {
    name,
    hookName,
    hookUrl,
    levelsAfterSeconds,
  }: { name: string; hookName: string; hookUrl: string; levelsAfterSeconds: number[] },
) {
  const integration = await api.integrations.create.mutate({
    type: "webhook",
    name: hookName,
    variables: { ApiUrl: hookUrl },
    secrets: {},
    customizations: {},
    enabled: true,
  });
  const levels = levelsAfterSeconds.map((afterSeconds, i) => ({ level: i + 1, afterSeconds }));
  const graph = graphOf(
    [
      triggerNode("trigger", {}, { x: 0, y: 0 }),
      ...levels.map((l, i) => levelNode(`level-${l.level}`, l, { x: 280, y: i * 170 })),
      ...levels.map((l, i) =>
        integrationNode(
          `hook-${l.level}`,
          { label: `Hook L${l.level}`, integrationId: integration.id },
          { x: 560, y: i * 170 },
        ),
      ),
    ],
    [
      edge("trigger", "out", "level-1"),
      ...levels.slice(1).map((l) => edge(`level-${l.level - 1}`, "next", `level-${l.level}`)),
      ...levels.map((l) => edge(`level-${l.level}`, "out", `hook-${l.level}`)),
    ],
  );
  const { id: flowId } = await api.flows.create.mutate({ name, description: "", graph });
  await api.flows.publish.mutate({ flowId, note: "" });
  const { token } = await api.flows.createEndpoint.mutate({ flowId });
  return { flowId, token, integrationId: integration.id };
}

/** Sends an error alert to the inbound endpoint, as a monitoring tool would. */
export async function postErrorAlert(baseURL: string, token: string, key: string, summary: string) {
  const posted = await fetch(`${baseURL}/api/alerts/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key, status: "error", summary }),
  });
  expect(posted.status).toBe(202);
}
