import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { listeningPort } from "./listening-port";

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  /** Every header as received: the raw line (folded lines joined) and its lower-case name. */
  headerLines: { key: string; line: string }[];
  /** Header values as mailparser gives them, by lower-case name (X- headers stay as sent). */
  headers: Map<string, unknown>;
  /** The message as it came over the wire, before any parsing. */
  raw: string;
  /** The envelope's recipients (RCPT TO), which may differ from the To header. */
  rcpt: string[];
  /** The whole message as a mail client reads it: charsets, encodings, HTML, Message-ID. */
  parsed: ParsedMail;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  received: CaughtMail[];
  close: () => Promise<void>;
}

export interface MailCatcherOptions {
  /** Recipients answered 550, as a real server does for an unknown mailbox. */
  refuses?: (address: string) => boolean;
  /** Any other answer to a recipient (e.g. 452 mailbox full); undefined accepts it. */
  rcptAnswer?: (address: string) => { code: number; message: string } | undefined;
  /** Offers AUTH (over plain text, loopback only) and accepts the logins this says yes to; without it, no AUTH. */
  acceptsLogin?: (user: string, pass: string) => boolean;
}

/** An SMTP reply with its code, as smtp-server sends it. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** A real SMTP server on loopback that keeps every mail it accepts, raw and parsed. */
export async function startMailCatcher({
  refuses = () => false,
  rcptAnswer,
  acceptsLogin,
}: MailCatcherOptions = {}): Promise<MailCatcher> {
  const received: CaughtMail[] = [];
  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: acceptsLogin ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    allowInsecureAuth: acceptsLogin !== undefined,
    authOptional: true,
    logger: false,
    onAuth(login, _session, callback) {
      if (acceptsLogin?.(login.username ?? "", login.password ?? "")) callback(null, { user: login.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (refuses(address.address)) return callback(new Error("550 no such user"));
      const answer = rcptAnswer?.(address.address);
      callback(answer ? smtpError(answer.code, answer.message) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            received.push({
              to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              headerLines: mail.headerLines.map(({ key, line }) => ({ key, line })),
              headers: mail.headers,
              raw: raw.toString("utf8"),
              rcpt: session.envelope.rcptTo.map((r) => r.address),
              parsed: mail,
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = listeningPort(smtp.server);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
