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

  it('reads CORS origins and refuses paths', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.no, https://b.dk' }).corsOrigins).toEqual(['https://a.no', 'https://b.dk']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.no/path' })).toThrow('must be a bare origin');
  });
});
