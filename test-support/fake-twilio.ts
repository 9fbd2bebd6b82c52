import { createHmac } from "node:crypto";
import { startReceiver, type Receiver } from "./http-receiver";

/** A call Alertflow asked for, as the Calls resource received it. */
export interface PlacedCall {
  sid: string;
  to: string;
  from: string;
  twiml: string;
  /** The Gather action URL in the TwiML, decoded. */
  gatherAction: string;
  /** The text read to the callee, decoded. */
  spoken: string;
}

export interface KeyPress {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface FakeTwilio {
  url: string;
  receiver: Receiver;
  calls(): PlacedCall[];
  /**
   * The Gather callback Twilio sends when the callee presses `digits`: signed (HMAC-SHA1 over the
   * action URL and sorted parameters) with `authToken`, delivered to `deliverTo` + the action's path
   * (Alertflow behind its PUBLIC_URL, as a proxy would forward it).
   */
  press(
    call: PlacedCall,
    digits: string,
    options: { authToken: string; deliverTo: string; accountSid?: string },
  ): KeyPress;
  send(press: KeyPress): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const xmlDecode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * Twilio's Calls resource for one account: checks basic auth and the form fields a call needs
 * (To, From, and TwiML that Twilio could parse, here checked by shape), answers 201 with a call
 * SID, and plays the callee pressing keys.
 */
export async function startFakeTwilio(accountSid: string, authToken: string): Promise<FakeTwilio> {
  const placed: PlacedCall[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const receiver = await startReceiver((req) => {
    if (req.url !== `/2010-04-01/Accounts/${accountSid}/Calls.json`) throw new Error(`unexpected ${req.url}`);
    if (req.headers.authorization !== expectedAuth)
      return { status: 401, body: { code: 20003, message: "Authenticate" } };
    const form = new URLSearchParams(req.body);
    const twiml = form.get("Twiml") ?? "";
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? "";
    if (!/^\+\d{6,15}$/.test(to) || !/^\+\d{6,15}$/.test(from)) throw new Error("To and From must be E.164 numbers");
    if (twiml.length > 4000 || !/^<Response>.*<\/Response>$/s.test(twiml))
      throw new Error("Twiml must be a <Response>");
    const gather = /<Gather [^>]*action="([^"]+)"/.exec(twiml);
    const spoken = [...twiml.matchAll(/<Say>([^<]*)<\/Say>/g)].map((m) => xmlDecode(m[1] ?? "")).join(" ");
    const sid = `CA${String(placed.length).padStart(32, "0")}`;
    placed.push({ sid, to, from, twiml, gatherAction: xmlDecode(gather?.[1] ?? ""), spoken });
    return { status: 201, body: { sid, status: "queued", to, from } };
  });
  return {
    url: receiver.url,
    receiver,
    calls: () => [...placed],
    press(call, digits, { authToken: key, deliverTo, accountSid: sid = accountSid }) {
      const params = new URLSearchParams({
        AccountSid: sid,
        CallSid: call.sid,
        CallStatus: "in-progress",
        Called: call.to,
        Caller: call.from,
        Digits: digits,
        Direction: "outbound-api",
        From: call.from,
        To: call.to,
        FinishedOnKey: "",
      });
      // Unix-style, case-sensitive order of names (Array#sort's default), as Twilio documents.
      const names = [...params.keys()].sort();
      const signature = createHmac("sha1", key)
        .update(call.gatherAction + names.map((n) => `${n}${params.get(n) ?? ""}`).join(""))
        .digest("base64");
      const action = new URL(call.gatherAction);
      return {
        url: `${deliverTo}${action.pathname}${action.search}`,
        body: params.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      };
    },
    async send({ url, body, headers }) {
      const response = await fetch(url, { method: "POST", headers, body });
      return { status: response.status, body: await response.text() };
    },
    close: () => receiver.close(),
  };
}
