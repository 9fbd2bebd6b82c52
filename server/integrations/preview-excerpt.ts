import type { MessagePreview } from "~/core/integrations/preview-message";

/**
 * A preview shows each field up to this many characters. Templates may render up to a million
 * characters per field, tens of fields per message: the whole of it would make a response of
 * tens of megabytes that the server spends its event loop serializing and no one reads.
 */
export const PREVIEW_FIELD_CHARACTERS = 8 * 1024;

/**
 * The preview with every rendered field cut to `limit` characters and an ellipsis. How much was
 * left out is counted in `cut`, not written into the text: the page words it in its language.
 */
export function previewExcerpt(preview: MessagePreview, limit = PREVIEW_FIELD_CHARACTERS): MessagePreview {
  let fields = 0;
  let characters = 0;
  const excerpt = (text: string): string => {
    if (text.length <= limit) return text;
    fields += 1;
    characters += text.length - limit;
    return `${text.slice(0, limit)}…`;
  };
  const cutPreview: MessagePreview = {
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
  return fields === 0 ? cutPreview : { ...cutPreview, cut: { fields, characters, limit } };
}
