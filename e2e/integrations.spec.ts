import http from "node:http";
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { listeningPort } from "~/test-support/listening-port";

interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real receiver on loopback (the e2e server allows loopback), answering 200 with JSON. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json", "x-receiver": "e2e" });
      res.end(JSON.stringify({ received: true, count: received.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${listeningPort(server)}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("a person creates a webhook integration and sends a test Error to a real receiver", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    const name = `Ops webhook ${Date.now()}`;
    await page.goto("/integrations");
    await page.getByRole("button", { name: "New integration" }).click();
    const create = page.getByRole("dialog", { name: "New integration" });
    await create.getByText("Alertflow integration (webhook)").click();
    await create.getByLabel("Name").fill(name);
    await create.getByRole("button", { name: "Create" }).click();

    await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByTestId("variable-ApiUrl").getByRole("textbox").fill(`${receiver.url}/hook`);
    // The live preview renders the default body against the new URL before anything is saved.
    await expect(page.getByTestId("message-preview").getByTestId("request-url").first()).toHaveText(
      `${receiver.url}/hook`,
    );
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved", { exact: true }).first()).toBeVisible();

    await page.getByRole("button", { name: "Send test message" }).click();
    const dialog = page.getByRole("dialog", { name: "Send test message" });
    const sample = dialog.getByLabel("Sample alert (JSON)");
    await expect(sample).toHaveValue(/"summary"/);
    const alert = z.record(z.string(), z.unknown()).parse(JSON.parse(await sample.inputValue()));
    expect(alert).toMatchObject({ status: "error" });
    await sample.fill(JSON.stringify({ ...alert, summary: "Edited in the browser" }, null, 2));
    await dialog.getByRole("button", { name: "Send Error" }).click();

    const result = dialog.getByTestId("test-send-result");
    await expect(result.getByTestId("test-send-summary")).toContainText("Delivered");
    await expect(result.getByTestId("response-status")).toHaveText("200");
    await expect(result.getByLabel("Response body")).toContainText('"received": true');
    await expect(result.getByTestId("request-url")).toHaveText(`${receiver.url}/hook`);

    await expect.poll(() => receiver.received.length).toBe(1);
    const [got] = receiver.received;
    expect(got?.method).toBe("POST");
    expect(got?.path).toBe("/hook");
    expect(got?.headers["idempotency-key"]).toMatch(/^test:/);
    const body: unknown = JSON.parse(got?.body ?? "{}");
    expect(body).toMatchObject({ alert: { type: "Alert", summary: "Edited in the browser" } });
    // What the dialog shows as sent is what the receiver got.
    await expect(result.getByLabel("Request body")).toContainText('"summary": "Edited in the browser"');
  } finally {
    await receiver.close();
  }
});
