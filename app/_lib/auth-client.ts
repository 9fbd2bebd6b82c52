"use client";

import { createAuthClient } from "better-auth/react";

/** better-auth's browser client: sign-in, sign-up, sign-out and passwords, at /api/auth. */
export const authClient = createAuthClient({ basePath: "/api/auth" });
