/**
 * Why the server refused, as a stable code the interface words in its own language, with the
 * names of the values that wording needs. The server sends `reason` and `values` beside its
 * English message (which API clients keep reading); every reason has a message under
 * `ServerReasons` in each language (server-reason.test.ts checks it).
 */
export const SERVER_REASONS = {
  notFound: ["thing"],
  secretsUnreadable: ["integration"],
  lastOwner: [],
  runNoLongerOpen: [],
  runAlreadyEnded: ["status"],
  rerunStillOpen: ["status"],
  rerunIncidentOpen: ["alertKey"],
  flowDisabled: ["flow"],
  flowNotPublished: ["flow"],
  flowHasOpenIncidents: ["flow", "count"],
  flowHasProblems: ["count"],
  flowUnreadable: [],
  flowChangedElsewhere: [],
  tokenNeedsUser: [],
  tokenRoleAboveYours: ["role", "tokenRole"],
  invitationUnusable: [],
  templateLinkGone: [],
  templateRefused: ["count"],
  templateMappingIncomplete: ["count"],
  templateError: ["problem", "path", "line", "column"],
  integrationInUse: ["flows"],
  unknownIntegrationType: ["type"],
  urlNotHttp: ["path", "more"],
  integrationTypeMismatch: ["draftType", "storedType"],
  integrationDraftMissing: [],
  customizationsMalformed: ["path"],
  sampleAlertInvalid: ["path"],
  secretReentry: ["secrets", "path"],
  alreadySetUp: [],
  accountRefused: ["authCode"],
  tooMuchWork: ["seconds"],
  // Why Alertflow itself failed or held back a delivery, stored on its rows by the worker (error_reason).
  integrationGone: ["integration"],
  integrationDisabled: ["integration"],
  rateLimitedByAlertflow: ["integration", "perMinute"],
  receiverTimeout: [],
  receiverUnreachable: ["host", "code"],
  // A receiver's own error (as it came) with the note that its Retry-After was cut to the policy's longest wait.
  retryAfterCapped: ["error", "askedSeconds", "waitSeconds"],
  outboundPrivateAddress: ["host", "port", "addresses"],
  attemptInterrupted: [],
  // A message that could not be sent as written: `part` is namedStep, step, email or inbox; the
  // page words `problem` from the template problem's code and values stored beside it.
  templateFailedAtSend: ["part", "step", "problem"],
  urlInvalidAtSend: ["part", "step"],
  urlSchemeRefused: ["part", "step", "scheme"],
} as const satisfies Record<string, readonly string[]>;

export type ServerReason = keyof typeof SERVER_REASONS;

/** The values a reason's wording needs, by name. */
export type ServerReasonValues<R extends ServerReason> = Record<(typeof SERVER_REASONS)[R][number], string | number>;

export const isServerReason = (value: string): value is ServerReason => Object.hasOwn(SERVER_REASONS, value);
