import { z } from "zod";
import { LOCALES } from "./locales";

/** The profile's interface language; null follows the browser (and the switcher's cookie). */
export const profileLocaleInput = z.object({ locale: z.enum(LOCALES).nullable() });
