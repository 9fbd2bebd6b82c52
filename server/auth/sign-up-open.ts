import "server-only";
import type { Db } from "~/db/client";
import { invitationIsOpen, invitationTokenIn, type SignUpPolicy } from "./sign-up-policy";

/**
 * Whether the sign-up page may offer its form to this visitor, decided before they type
 * anything: always when sign-up is open; by invitation only, when the page returns to a live
 * invitation (`next=/invite/<token>`), the same rule the server applies on submit.
 */
export async function signUpOffered(db: Db, policy: SignUpPolicy, next: string | undefined): Promise<boolean> {
  if (policy === "open") return true;
  const token = invitationTokenIn(next);
  return token !== null && (await invitationIsOpen(db, token));
}
