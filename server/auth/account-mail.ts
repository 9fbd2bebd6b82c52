import "server-only";
import nodemailer from "nodemailer";

export interface MailSettings {
  /** smtp://user:pass@host:port; when absent, the message goes to the server log instead. */
  smtpUrl: string | undefined;
  from: string;
}

export interface AccountMail {
  to: string;
  subject: string;
  text: string;
  /** What the server log shows when no SMTP server is configured. */
  logLine: string;
}

/** Mail about an account (password reset). Without SMTP the link is printed for the admin. */
export async function sendAccountMail(settings: MailSettings, mail: AccountMail): Promise<void> {
  if (!settings.smtpUrl) {
    console.info(`[alertflow] ${mail.logLine}`);
    return;
  }
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
