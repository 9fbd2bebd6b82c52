import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  /** Every header as received: the raw line (folded lines joined) and its lower-case name. */
  headerLines: { key: string; line: string }[];
  /** Header values as a mail client decodes them (RFC 2047 words, folding), by lower-case name. */
  headers: Map<string, unknown>;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: CaughtMail[];
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every mail it accepts, parsed. `refuses` names the
 * recipients it answers 550, as a real server does for an unknown mailbox.
 */
export async function startMailCatcher({
  refuses = () => false,
}: { refuses?: (address: string) => boolean } = {}): Promise<MailCatcher> {
  const received: CaughtMail[] = [];
  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuses(address.address) ? new Error("550 no such user") : undefined);
    },
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        received.push({
          to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          headerLines: mail.headerLines.map(({ key, line }) => ({ key, line })),
          headers: mail.headers,
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = smtp.server.address();
  return {
    url: `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
