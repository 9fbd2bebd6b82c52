import "server-only";
import { eq } from "drizzle-orm";
import type { Locale } from "~/core/i18n/locales";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";

/** Saves (or clears, with null) the user's interface language. */
export async function saveProfileLocale(db: Db, userId: string, locale: Locale | null): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}
