import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The one-click unsubscribe URL (RFC 8058): List-Unsubscribe plus List-Unsubscribe-Post. */
  unsubscribeUrl: string;
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // A pool keeps one connection open through a digest run instead of a handshake per email.
    transport = nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes("?") ? "&" : "?"}pool=true`);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Sends through SMTP; resolves with the Message-ID the server accepted, throws when it refused. */
export async function sendMail(smtpUrl: string, from: string, mail: OutgoingMail): Promise<string> {
  const info = await transportFor(smtpUrl).sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    list: { unsubscribe: { url: mail.unsubscribeUrl, comment: "Unsubscribe" } },
  });
  return info.messageId;
}

/** Closes pooled connections (tests, shutdown). */
export function closeTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
