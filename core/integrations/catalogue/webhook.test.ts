import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { SYSTEM_VARIABLES } from "../../message-template/system-variables";
import { buildTemplateContext } from "../../message-template/template-context";
import { jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

let receiver: Receiver;
const bodies: unknown[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    bodies.push(jsonBody(req));
    return { status: 200, body: { received: true } };
  });
});
afterAll(() => receiver.close());

describe("Alertflow (webhook) integration", () => {
  it.each(MESSAGE_TYPES)("posts %s as JSON carrying every system variable", async (type) => {
    const result = await send(integration("webhook", { ApiUrl: `${receiver.url}/in` }), type);
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 200 });
    const ctx = buildTemplateContext(hostileInput(type));
    const expected: Record<string, Record<string, string>> = {};
    for (const { name } of SYSTEM_VARIABLES) {
      const [group = "", field = ""] = name.split(".");
      expected[group] = { ...expected[group], [field]: ctx.system[name] };
    }
    expect(bodies.at(-1)).toEqual(expected);
  });
});
