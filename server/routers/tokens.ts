import { createTokenInput, tokenIdInput } from "~/core/accounts/account-inputs";
import { createApiToken, listApiTokens, revokeApiToken } from "../auth/api-tokens";
import { router, viewerProcedure } from "../trpc";

/** Personal API tokens: every member manages their own; owners also see and revoke others'. */
export const tokensRouter = router({
  list: viewerProcedure.query(({ ctx }) => listApiTokens(ctx)),
  create: viewerProcedure.input(createTokenInput).mutation(({ ctx, input }) => createApiToken(ctx, input)),
  revoke: viewerProcedure.input(tokenIdInput).mutation(({ ctx, input }) => revokeApiToken(ctx, input.tokenId)),
});
