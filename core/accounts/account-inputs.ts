import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { ROLES } from "./access";

/** better-auth enforces the same bounds (server/auth/auth.ts); the form says so before sending. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

const name = z.string().trim().min(1, "Name is required").max(100);
const email = z.string().trim().toLowerCase().pipe(z.email("Enter an email address")).pipe(z.string().max(254));
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters`);
const workspaceName = z.string().trim().min(1, "Workspace name is required").max(100);
export const roleInput = z.enum(ROLES);

export const signUpInput = z.object({ name, email, password });
export const signInInput = z.object({
  email,
  password: z.string().min(1, "Password is required").max(MAX_PASSWORD_LENGTH),
});
/** `locale`: the language the setup page was shown in; the seeded demo is reworded in it. */
export const setupInput = z.object({ name, email, password, workspaceName, locale: z.enum(LOCALES).optional() });
export const createWorkspaceInput = z.object({ name: workspaceName });
export const workspaceIdInput = z.object({ workspaceId: z.string().uuid() });
export const invitationTokenInput = z.object({ token: z.string().min(1).max(200) });
/** Who the invitation is for: when given, the link is emailed there (and shown as the invitation's note). */
const inviteeEmail = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address")
  .default("");
export const inviteInput = z.object({
  role: roleInput,
  email: inviteeEmail,
  note: z.string().trim().max(200).default(""),
});
export const invitationIdInput = z.object({ invitationId: z.string().uuid() });
export const memberRoleInput = z.object({ userId: z.string().uuid(), role: roleInput });
export const memberIdInput = z.object({ userId: z.string().uuid() });
export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(100),
  role: roleInput,
});
export const tokenIdInput = z.object({ tokenId: z.string().uuid() });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: password,
});
export const resetPasswordInput = z.object({ password });
