import { listInbox } from "../inbox/inbox-store";
import { router, viewerProcedure } from "../trpc";

export const inboxRouter = router({
  list: viewerProcedure.query(({ ctx }) => listInbox(ctx)),
});
