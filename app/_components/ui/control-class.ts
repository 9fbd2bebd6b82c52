/** Shared look of text inputs, selects and text areas: one height, one border, one focus ring. */
export const CONTROL =
  "w-full rounded-md border border-border bg-bg px-2 text-[13px] text-fg placeholder:text-muted focus:border-accent focus:outline-none disabled:opacity-50 aria-[invalid=true]:border-danger";
