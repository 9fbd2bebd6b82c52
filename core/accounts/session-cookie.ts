/** better-auth's cookie prefix: the session cookie is `alertflow.session_token` (`__Secure-` over https). */
export const COOKIE_PREFIX = "alertflow";
