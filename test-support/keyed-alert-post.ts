import { handleAlertRequest, type InboundDeps } from "~/server/inbound/handle-alert-request";

/** One alert request carrying an Idempotency-Key, straight to the endpoint's handler (no HTTP server). */
export async function postKeyedAlert(deps: InboundDeps, token: string, body: string, key: string) {
  const response = await handleAlertRequest(
    deps,
    token,
    new Request(`http://localhost/api/alerts/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body,
    }),
  );
  const json: unknown = await response.json();
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    replayed: response.headers.get("idempotent-replayed"),
    json,
  };
}
