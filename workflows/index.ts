// The worker bundles this file: only deterministic workflow code may be reachable from here.
export { escalationWorkflow, incidentWorkflow } from "./escalation-workflow";
export { resendWorkflow } from "./resend-workflow";
