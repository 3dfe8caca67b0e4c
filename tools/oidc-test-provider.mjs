// A real OpenID Connect provider for the tests: the certified `oidc-provider`
// package with its development login pages (devInteractions), test accounts
// and clients given as JSON in OIDC_TEST_PROVIDER:
//
//   { "clients": [{ "client_id", "client_secret", "redirect_uris", "post_logout_redirect_uris" }],
//     "accounts": [{ "email", "email_verified", "name" }],
//     "clockOffsetSeconds": 0 }
//
// It listens on a free port and prints one line, {"issuer":"http://localhost:<port>"}, when ready.
// The login page takes any password; the login name is the account's e-mail. Consent is given at once.
// clockOffsetSeconds moves this process's clock (everything the provider stamps, ID tokens included), so
// a provider two hours behind issues ID tokens that have already expired for everyone else.
import { createServer } from 'node:http';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');
const offsetMs = Number(settings.clockOffsetSeconds ?? 0) * 1000;
if (offsetMs) {
  const realNow = Date.now;
  Date.now = () => realNow() + offsetMs;
}
const { default: Provider } = await import('oidc-provider');

const accounts = new Map((settings.accounts ?? []).map((a) => [a.email.toLowerCase(), a]));
const server = createServer();
await new Promise((resolve) => server.listen(0, resolve));
const issuer = `http://localhost:${server.address().port}`;

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: (settings.clients ?? []).map((c) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...c,
  })),
  async findAccount(_ctx, id) {
    const account = accounts.get(String(id).toLowerCase());
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: `sub-${account.email}`, email: account.email, email_verified: account.email_verified ?? true, name: account.name };
      },
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The claims of the scopes asked for go into the ID token itself, as Entra ID and Ansattporten do.
  conformIdTokenClaims: false,
  acrValues: ['substantial', 'high'],
  cookies: { keys: ['samspill-test-provider-cookie-key'] },
  ttl: { Interaction: 86_400, Session: 86_400, Grant: 86_400, IdToken: 3_600, AccessToken: 3_600, AuthorizationCode: 600 },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page(
          'Sign out of the test provider?',
          `${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
           <button type="submit" form="op.logoutForm">No, stay signed in</button>`,
        );
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Signed out of the test provider', '');
      },
    },
  },
  // First-party test clients: consent is given without a page.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await grant.save();
    return grant;
  },
});
server.on('request', provider.callback());

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
