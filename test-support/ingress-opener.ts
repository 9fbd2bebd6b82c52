import type { Db } from "~/db/client";
import type { IncidentOpener } from "~/server/inbound/incident-opener";
import { createIncidentOpener } from "~/worker/activities/first-message";
import { createIntegrationSender } from "~/worker/activities/integration-sender";
import { TEST_KEYRING } from "./harness";

/** The endpoint's incident opener as the harness wires it, on another database client (a proxied one). */
export function ingressOpenerFor(db: Db): IncidentOpener {
  const send = createIntegrationSender({
    db,
    keyring: TEST_KEYRING,
    allowList: ["127.0.0.1", "localhost"],
    publicUrl: "http://localhost:3000",
    maxRateLimitWaitMs: 0,
  });
  return createIncidentOpener({ db, send });
}
