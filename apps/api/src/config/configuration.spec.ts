import { ConfigError, loadConfig } from './configuration';

describe('loadConfig', () => {
  it('gives working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reports every bad value at once, in sentences', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', ACCESS_TOKEN_TTL_SECONDS: '3600' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a whole number from 0 to 65535 (got "abc")',
        'DATABASE_URL must start with postgres:// or postgresql://',
        expect.stringContaining('JWT_SECRET is required when DATABASE_URL is set'),
        expect.stringContaining('LOG_LEVEL must be one of'),
        'ACCESS_TOKEN_TTL_SECONDS must be a whole number from 30 to 900 (got "3600")',
      ]),
    );
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow('JWT_SECRET must be at least 32 characters long');
  });

  // Single sign-on (issue 15)
  it('takes a 32-byte OIDC_SECRET_KEY in base64, or none (then one is made in DATA_DIR), and says when PUBLIC_URL fixes the origin', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ OIDC_SECRET_KEY: key }).oidcSecretKey).toBe(key);
    expect(loadConfig({}).oidcSecretKey).toBeNull();
    expect(() => loadConfig({ OIDC_SECRET_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      'OIDC_SECRET_KEY must be 32 bytes in base64',
    );
    expect(() => loadConfig({ OIDC_SECRET_KEY: 'ikke base64!' })).toThrow('OIDC_SECRET_KEY must be 32 bytes in base64');
    expect(loadConfig({}).publicUrlFromEnvironment).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://samspill.gran.kommune.no' }).publicUrlFromEnvironment).toBe(true);
  });

  it('reads CORS origins and refuses paths', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.no, https://b.dk' }).corsOrigins).toEqual(['https://a.no', 'https://b.dk']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.no/path' })).toThrow('must be a bare origin');
  });

  it('writes mail to files unless SMTP_URL is set, and links to PUBLIC_URL', () => {
    const embedded = loadConfig({ PORT: '4321' });
    expect(embedded.smtpUrl).toBeNull();
    expect(embedded.publicUrl).toBe('http://localhost:4321');
    expect(embedded.mailFrom).toMatch(/^Samspill <.+@.+>$/);
    const real = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.kommune.no:465',
      MAIL_FROM: 'Samspill <ikke-svar@kommune.no>',
      PUBLIC_URL: 'https://samspill.kommune.no/',
    });
    expect(real).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.kommune.no:465',
      mailFrom: 'Samspill <ikke-svar@kommune.no>',
      publicUrl: 'https://samspill.kommune.no',
    });
  });

  it('refuses a mail server that is not SMTP, a sender that is not an address and a public address that is not a URL', () => {
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: 'http://mail', MAIL_FROM: 'Samspill', PUBLIC_URL: 'samspill.no' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'SMTP_URL must start with smtp:// or smtps://',
      expect.stringContaining('MAIL_FROM must be an address'),
      expect.stringContaining('PUBLIC_URL is not a URL'),
    ]);
  });
});
