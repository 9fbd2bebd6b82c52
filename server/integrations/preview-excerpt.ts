import type { MessagePreview } from "~/core/integrations/preview-message";

/**
 * A preview shows each field up to this many characters. Templates may render up to a million
 * characters per field, tens of fields per message: the whole of it would make a response of
 * tens of megabytes that the server spends its event loop serializing and no one reads.
 */
export const PREVIEW_FIELD_CHARACTERS = 8 * 1024;

export function excerpt(text: string, limit = PREVIEW_FIELD_CHARACTERS): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… [${(text.length - limit).toLocaleString("en")} more characters not shown]`;
}

/** The preview with every rendered field cut to `PREVIEW_FIELD_CHARACTERS`. */
export function previewExcerpt(preview: MessagePreview): MessagePreview {
  return {
    ...preview,
    requests: preview.requests.map((r) => ({
      ...r,
      url: excerpt(r.url),
      headers: Object.fromEntries(Object.entries(r.headers).map(([name, value]) => [name, excerpt(value)])),
      body: excerpt(r.body),
    })),
    email: preview.email && {
      ...preview.email,
      subject: excerpt(preview.email.subject),
      html: excerpt(preview.email.html),
      text: excerpt(preview.email.text),
    },
  };
}
