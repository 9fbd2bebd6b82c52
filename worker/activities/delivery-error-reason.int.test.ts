import { freePort } from "~/scripts/free-port";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryAttempts } from "~/db/schema";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { burstFor, createRateLimiter } from "./rate-limiter";
import { INTERRUPTED_ATTEMPT } from "./record-attempt";
import { startReceiver, type Receiver, type Reply } from "~/test-support/http-receiver";

/**
 * An error Alertflow words itself is stored with its reason and values beside the English text,
 * so the run and failed-deliveries pages can word it in their language; receivers' answers are not.
 */
let h: Harness;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver((req): Reply =>
    req.url.startsWith("/moved/")
      ? { status: 307, body: "", headers: { Location: `http://localhost:${req.url.slice("/moved/".length)}/hook` } }
      : req.url === "/refuses"
        ? { status: 422, body: "bad payload" }
        : req.url === "/busy"
          ? { status: 503, body: "come back tomorrow", headers: { "Retry-After": "86400" } }
          : { status: 200, body: "ok" },
  );
  h = await createHarness();
  await h.startWorker();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const runOf = (flowId: string) => eventually(async () => (await runsForFlow(h, flowId))[0], 30_000, "run started");

async function settledDelivery(flowId: string) {
  const run = await runOf(flowId);
  return eventually(
    async () => (await deliveriesForRun(h, run.id)).find((d) => d.status !== "pending"),
    30_000,
    "delivery settled",
  );
}

/** The first attempt's recorded answer: retried with backoff, so read before the last try ends. */
async function firstAnsweredAttempt(flowId: string) {
  const run = await runOf(flowId);
  return eventually(
    async () =>
      (await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.runId, run.id))).find(
        (a) => a.attempt === 1 && a.error !== INTERRUPTED_ATTEMPT,
      ),
    30_000,
    "first attempt answered",
  );
}

describe("the reason of an error Alertflow words itself", () => {
  it("is stored on the delivery and its attempt for a disabled integration, with its name and no URL", async () => {
    const hookId = await webhook(h, "Paging hook", `${receiver.url}/disabled`);
    const { flowId, token } = await publishedFlow(h, "Reason disabled", singleLevelGraph(hookId));
    await h.api.integrations.setEnabled({ integrationId: hookId, enabled: false });
    expect((await h.postAlert(token, errorAlert("reason-disabled"))).status).toBe(202);

    const delivery = await settledDelivery(flowId);
    expect(delivery.status).toBe("skipped");
    expect(delivery.error).toBe('Integration "Paging hook" is disabled');
    const reason = { reason: "integrationDisabled", values: { integration: "Paging hook" } };
    expect(delivery.errorReason).toEqual(reason);
    const attempts = await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, delivery.id));
    expect(attempts.map((a) => a.errorReason)).toEqual([reason]);
    expect(JSON.stringify(delivery.errorReason)).not.toContain(receiver.url);
    expect(receiver.requests.filter((r) => r.url === "/disabled")).toHaveLength(0);
  });

  it("is stored for a refused private address with the host, never the URL's credentials", async () => {
    const hookId = await webhook(h, "Private hook", "http://user:s3cret-pass@10.9.8.7:8080/hook?token=t0ken");
    const { flowId, token } = await publishedFlow(h, "Reason private", singleLevelGraph(hookId));
    expect((await h.postAlert(token, errorAlert("reason-private"))).status).toBe(202);

    const delivery = await settledDelivery(flowId);
    expect(delivery.status).toBe("failed");
    expect(delivery.error).toMatch(/^OUTBOUND_BLOCKED: Refusing to connect to 10\.9\.8\.7:8080/);
    expect(delivery.errorReason).toEqual({
      reason: "outboundPrivateAddress",
      values: { host: "10.9.8.7", port: "8080", addresses: "10.9.8.7" },
    });
    expect(JSON.stringify(delivery.errorReason)).not.toMatch(/s3cret|t0ken|user/);
  });

  it("is stored on the attempt Alertflow's own rate limit held back, with the integration and its limit", async () => {
    const slack = await h.api.integrations.create({
      type: "slack",
      name: "Busy channel",
      variables: {},
      secrets: { WebhookUrl: `${receiver.url}/slack` },
      customizations: {},
      enabled: true,
    });
    const { flowId, token } = await publishedFlow(h, "Reason rate limit", singleLevelGraph(slack.id));
    // Slack allows 60 a minute per integration: its burst of ten used up, the next must wait.
    const limiter = createRateLimiter(h.db);
    for (let i = 0; i < burstFor(60); i++) await limiter(`integration:${slack.id}`, 60);
    // The alert endpoint sends the first message itself and waits for no token: it is held back.
    expect((await h.postAlert(token, errorAlert("reason-rate"))).status).toBe(202);

    const first = await firstAnsweredAttempt(flowId);
    expect(first.error).toBe("Rate limited by Alertflow: Busy channel allows 60 messages a minute");
    expect(first.errorReason).toEqual({
      reason: "rateLimitedByAlertflow",
      values: { integration: "Busy channel", perMinute: 60 },
    });
    expect(JSON.stringify(first.errorReason)).not.toContain(receiver.url);
  });

  it("is stored for a receiver that refuses the connection, with its host and the OS code, never the URL's token", async () => {
    const port = await freePort();
    const hookId = await webhook(h, "Closed hook", `http://127.0.0.1:${port}/hook?token=t0ken-unreachable`);
    const { flowId, token } = await publishedFlow(h, "Reason unreachable", singleLevelGraph(hookId));
    expect((await h.postAlert(token, errorAlert("reason-unreachable"))).status).toBe(202);

    const first = await firstAnsweredAttempt(flowId);
    expect(first.error).toMatch(/^NETWORK_ERROR: .*ECONNREFUSED/);
    expect(first.errorReason).toEqual({
      reason: "receiverUnreachable",
      values: { host: "127.0.0.1", code: "ECONNREFUSED" },
    });
    expect(JSON.stringify(first.errorReason)).not.toMatch(/t0ken|hook|\?/);
  });

  it("names the host a redirect led to when that one refuses the connection, not the first", async () => {
    const port = await freePort();
    const hookId = await webhook(h, "Moved hook", `${receiver.url}/moved/${port}`);
    const { flowId, token } = await publishedFlow(h, "Reason unreachable redirect", singleLevelGraph(hookId));
    expect((await h.postAlert(token, errorAlert("reason-unreachable-redirect"))).status).toBe(202);

    const first = await firstAnsweredAttempt(flowId);
    expect(first.error).toMatch(/^NETWORK_ERROR: .*ECONNREFUSED/);
    expect(first.errorReason).toEqual({
      reason: "receiverUnreachable",
      values: { host: "localhost", code: "ECONNREFUSED" },
    });
  });

  it("words a capped Retry-After beside a receiver's own answer, which is kept as it came", async () => {
    const hookId = await webhook(h, "Busy hook", `${receiver.url}/busy`);
    const { flowId, token } = await publishedFlow(h, "Reason retry cap", singleLevelGraph(hookId));
    expect((await h.postAlert(token, errorAlert("reason-retry-cap"))).status).toBe(202);

    const first = await firstAnsweredAttempt(flowId);
    const answer = "HTTP_ERROR: Send alert: HTTP 503 come back tomorrow";
    expect(first.error).toBe(
      `${answer}. Retry-After asked for 86400 s; retrying in 300 s, the longest wait the retry policy allows`,
    );
    expect(first.errorReason).toEqual({
      reason: "retryAfterCapped",
      values: { error: answer, askedSeconds: 86400, waitSeconds: 300 },
    });
  });

  it("is stored for a template that cannot be filled in at send, naming the step and the problem, not the URL", async () => {
    const integration = await h.api.integrations.create({
      type: "webhook",
      name: "Decoding hook",
      variables: { ApiUrl: `${receiver.url}/templated?token=t0ken-template` },
      secrets: {},
      customizations: {
        stepDefinitions: [
          {
            messageTypes: ["error"],
            steps: [
              {
                name: "Post decoded",
                method: "POST",
                url: "{{ApiUrl}}",
                body: { type: "raw", content: "{{@Base64Decode({{@alert.summary}})}}" },
              },
            ],
          },
        ],
      },
      enabled: true,
    });
    const { flowId, token } = await publishedFlow(h, "Reason template", singleLevelGraph(integration.id));
    expect((await h.postAlert(token, errorAlert("reason-template"))).status).toBe(202);

    const delivery = await settledDelivery(flowId);
    expect(delivery.status).toBe("failed");
    expect(delivery.error).toMatch(/^TEMPLATE_ERROR: Post decoded: /);
    expect(delivery.errorReason).toEqual({
      reason: "templateFailedAtSend",
      values: expect.objectContaining({ part: "namedStep", step: "Post decoded", code: "INVALID_ARGUMENT" }),
    });
    expect(JSON.stringify(delivery.errorReason)).not.toMatch(/t0ken|templated/);
    expect(receiver.requests.filter((r) => r.url?.startsWith("/templated"))).toHaveLength(0);
  });

  it("is stored for a URL that is not http(s) once filled in, naming the step and the scheme, not the URL", async () => {
    const integration = await h.api.integrations.create({
      type: "webhook",
      name: "Alert-addressed hook",
      variables: { ApiUrl: `${receiver.url}/unused` },
      secrets: {},
      customizations: {
        stepDefinitions: [
          {
            messageTypes: ["error"],
            steps: [{ method: "POST", url: "{{@alert.summary}}", body: { type: "raw", content: "x" } }],
          },
        ],
      },
      enabled: true,
    });
    const { flowId, token } = await publishedFlow(h, "Reason scheme", singleLevelGraph(integration.id));
    const alert = errorAlert("reason-scheme", "ftp://files.example.com/drop?token=t0ken-scheme");
    expect((await h.postAlert(token, alert)).status).toBe(202);

    const delivery = await settledDelivery(flowId);
    expect(delivery.status).toBe("failed");
    expect(delivery.error).toBe("OUTBOUND_BLOCKED: Only http and https URLs may be called, not ftp:");
    expect(delivery.errorReason).toEqual({
      reason: "urlSchemeRefused",
      values: { scheme: "ftp:", part: "step", step: 1 },
    });
  });

  it("is stored for a URL that is no address once filled in, refused for good rather than retried", async () => {
    const integration = await h.api.integrations.create({
      type: "webhook",
      name: "Unaddressable hook",
      variables: { ApiUrl: `${receiver.url}/unused` },
      secrets: {},
      customizations: {
        stepDefinitions: [
          {
            messageTypes: ["error"],
            steps: [{ name: "Post", method: "POST", url: "{{@alert.summary}}", body: { type: "raw", content: "x" } }],
          },
        ],
      },
      enabled: true,
    });
    const { flowId, token } = await publishedFlow(h, "Reason invalid URL", singleLevelGraph(integration.id));
    expect((await h.postAlert(token, errorAlert("reason-invalid-url", "no address here"))).status).toBe(202);

    const delivery = await settledDelivery(flowId);
    expect(delivery.status).toBe("failed");
    expect(delivery.attempts).toBe(1);
    expect(delivery.errorReason).toEqual({ reason: "urlInvalidAtSend", values: { part: "namedStep", step: "Post" } });
  });

  it("is stored for an SMTP server that refuses the connection, with its host and the OS code", async () => {
    const port = await freePort();
    const email = await h.api.integrations.create({
      type: "email",
      name: "Closed mail",
      variables: {
        SmtpHost: "127.0.0.1",
        SmtpPort: String(port),
        DisableTls: "true",
        From: "alertflow@example.test",
        To: "ops@example.test",
      },
      secrets: {},
      customizations: {},
      enabled: true,
    });
    const { flowId, token } = await publishedFlow(h, "Reason SMTP unreachable", singleLevelGraph(email.id));
    expect((await h.postAlert(token, errorAlert("reason-smtp"))).status).toBe(202);

    const first = await firstAnsweredAttempt(flowId);
    expect(first.error).toMatch(/^NETWORK_ERROR: .*ECONNREFUSED/);
    expect(first.errorReason).toEqual({
      reason: "receiverUnreachable",
      values: { host: "127.0.0.1", code: "ECONNREFUSED" },
    });
  });

  it("is not stored for a receiver's own refusal, whose text stays as it came", async () => {
    const hookId = await webhook(h, "Refusing hook", `${receiver.url}/refuses`);
    const { flowId, token } = await publishedFlow(h, "Reason receiver", singleLevelGraph(hookId));
    expect((await h.postAlert(token, errorAlert("reason-receiver"))).status).toBe(202);

    const delivery = await settledDelivery(flowId);
    expect(delivery.status).toBe("failed");
    expect(delivery.error).toContain("bad payload");
    expect(delivery.errorReason).toBeNull();
  });
});
