import { auditListInput } from "~/core/audit/audit-actions";
import { listAudit } from "../audit/list-audit";
import { ownerProcedure, router } from "../trpc";

/** The workspace's audit log: owners only. */
export const auditRouter = router({
  list: ownerProcedure.input(auditListInput).query(({ ctx, input }) => listAudit(ctx, input)),
});
