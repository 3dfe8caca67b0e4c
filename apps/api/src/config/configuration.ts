import { resolve } from 'node:path';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Set: use that PostgreSQL. Unset: start the embedded one under dataDir. */
  databaseUrl: string | null;
  /** Streaming replicas of DATABASE_URL for reads that may lag (DATABASE_REPLICA_URLS, comma-separated). */
  databaseReplicaUrls: string[];
  dataDir: string;
  /** Undefined until resolved: in embedded mode a secret is generated once and kept in dataDir. */
  jwtSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  dbConnectTimeoutMs: number;
  /** Longest a statement may run; the client waits a second more before it gives a frozen server up. */
  dbStatementTimeoutMs: number;
  dbPoolSize: number;
  webRoot: string | null;
  /** Test aid: send the number of SQL statements of each request as x-sql-statements. */
  exposeQueryCount: boolean;
  /** Reuse computed dashboards while their data version is unchanged (on by default). */
  dashboardCache: boolean;
  /** API processes to run on this machine (Node cluster); each is stateless, all share the database. */
  apiWorkers: number;
  /** smtp:// or smtps:// with credentials; null: every mail is written as an .eml file to DATA_DIR/mail. */
  smtpUrl: string | null;
  /** The sender of every mail. */
  mailFrom: string;
  /** Where people open Samspill: the links in mails start with it. */
  publicUrl: string;
  /** Single sign-on (issue 15): whether PUBLIC_URL was set, which then fixes the redirect URI behind a proxy. */
  publicUrlFromEnvironment: boolean;
  /** OIDC_SECRET_KEY: 32 bytes (base64) that encrypt client secrets; unset, a key is made once in DATA_DIR. */
  oidcSecretKey: string | null;
  /** Writes (POST, PUT, PATCH, DELETE) one signed-in person may send per minute, counted across all API processes. */
  writeLimitPerMinute: number;
  /** Requests to the public pages' API (/api/public, no sign-in) one address may send per minute, across all API processes. */
  publicReadLimitPerMinute: number;
  /**
   * Issue 12: a direct connection to the same database for what a transaction-mode pooler cannot carry (LISTEN for
   * live notifications, the job queue); DATABASE_DIRECT_URL, or DATABASE_URL when unset.
   */
  databaseDirectUrl: string | null;
  /**
   * Issue 14: how long an API process may keep a token check for reads (SESSION_CACHE_SECONDS, 0 = never). Kept
   * only while PostgreSQL's change notices are heard, and dropped at each notice about the person.
   */
  sessionCacheSeconds: number;
  /** Run the mail queue's workers and schedules in this process (JOBS=false for a process that only answers requests). */
  jobs: boolean;
  /** How often an idle queue worker looks for work, in seconds. */
  jobPollSeconds: number;
  /** The first wait before a failed job (a refused mail) is tried again; it doubles each time. */
  jobRetryDelaySeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

/**
 * Reads and checks the environment once, at start-up. Every bad value is
 * reported together, each with a sentence that says what is expected.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };

  const nodeEnvRaw = env['NODE_ENV'] ?? 'development';
  const nodeEnv = (['development', 'production', 'test'] as const).find((e) => e === nodeEnvRaw);
  if (!nodeEnv) problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);

  const databaseUrl = env['DATABASE_URL']?.trim() || null;
  if (databaseUrl) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push('DATABASE_URL must start with postgres:// or postgresql://');
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
    }
  }

  const databaseReplicaUrls = (env['DATABASE_REPLICA_URLS'] ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const [i, replicaUrl] of databaseReplicaUrls.entries()) {
    let valid = false;
    try {
      valid = ['postgres:', 'postgresql:'].includes(new URL(replicaUrl).protocol);
    } catch {
      // reported below
    }
    if (!valid) problems.push(`DATABASE_REPLICA_URLS entry ${i + 1} is not a postgres:// URL`);
  }
  if (databaseReplicaUrls.length > 0 && !databaseUrl) {
    problems.push('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas follow a primary you run yourself');
  }

  const jwtSecret = env['JWT_SECRET'] || null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }
  if (jwtSecret === null && databaseUrl) {
    problems.push(
      'JWT_SECRET is required when DATABASE_URL is set (every API process must share it); generate one with: openssl rand -base64 48',
    );
  }

  const logLevelRaw = env['LOG_LEVEL'] ?? (nodeEnv === 'test' ? 'warn' : 'info');
  const logLevel = LOG_LEVELS.find((l) => l === logLevelRaw);
  if (!logLevel) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevelRaw}")`);

  const corsOrigins = (env['CORS_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin) problems.push(`CORS_ORIGINS entry "${origin}" must be a bare origin like https://samspill.no`);
    } catch {
      problems.push(`CORS_ORIGINS entry "${origin}" is not a URL`);
    }
  }

  const cookieSecureRaw = env['COOKIE_SECURE']?.toLowerCase();
  const cookieSecure =
    cookieSecureRaw === undefined || cookieSecureRaw === '' || cookieSecureRaw === 'auto' ? 'auto' : bool('COOKIE_SECURE', false);

  const smtpUrl = env['SMTP_URL']?.trim() || null;
  if (smtpUrl) {
    try {
      const url = new URL(smtpUrl);
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') problems.push('SMTP_URL must start with smtp:// or smtps://');
    } catch {
      problems.push('SMTP_URL is not a valid URL (expected smtp://user:password@host:587 or smtps://user:password@host:465)');
    }
  }
  const mailFrom = env['MAIL_FROM']?.trim() || 'Samspill <ikke-svar@samspill.localhost>';
  if (!/^[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address, or a name and an address like "Samspill <ikke-svar@kommune.no>" (got "${mailFrom}")`);
  }
  const port = int('PORT', 3000, 0, 65535);
  const publicUrlRaw = env['PUBLIC_URL']?.trim() || `http://localhost:${port}`;
  let publicUrl = publicUrlRaw.replace(/\/+$/, '');
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('PUBLIC_URL must start with http:// or https://');
    if (url.search || url.hash) problems.push('PUBLIC_URL must not have a query or a fragment');
  } catch {
    problems.push(`PUBLIC_URL is not a URL (expected the address people open, like https://samspill.kommune.no; got "${publicUrlRaw}")`);
    publicUrl = 'http://localhost';
  }

  // Single sign-on (issue 15)
  const oidcSecretKey = env['OIDC_SECRET_KEY']?.trim() || null;
  if (oidcSecretKey && (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(oidcSecretKey) || Buffer.from(oidcSecretKey, 'base64').length !== 32)) {
    problems.push('OIDC_SECRET_KEY must be 32 bytes in base64; generate one with: openssl rand -base64 32');
  }

  const databaseDirectUrl = env['DATABASE_DIRECT_URL']?.trim() || null;
  if (databaseDirectUrl && !/^postgres(ql)?:\/\//.test(databaseDirectUrl)) {
    problems.push('DATABASE_DIRECT_URL must start with postgres:// or postgresql://');
  }

  const config: AppConfig = {
    nodeEnv: nodeEnv ?? 'development',
    port,
    host: env['HOST'] || '0.0.0.0',
    databaseUrl,
    databaseReplicaUrls,
    dataDir: resolve(env['DATA_DIR'] || '.data'),
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 900),
    refreshTokenTtlDays: int('REFRESH_TOKEN_TTL_DAYS', 14, 1, 90),
    corsOrigins,
    logLevel: logLevel ?? 'info',
    cookieSecure,
    trustProxy: bool('TRUST_PROXY', false),
    dbConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 3000, 100, 60000),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000),
    dbPoolSize: int('DB_POOL_SIZE', 20, 1, 200),
    webRoot: env['WEB_ROOT'] === '' ? null : resolve(env['WEB_ROOT'] || 'dist/apps/web/browser'),
    exposeQueryCount: bool('EXPOSE_QUERY_COUNT', false),
    dashboardCache: bool('DASHBOARD_CACHE', true),
    apiWorkers: int('API_WORKERS', 1, 1, 32),
    smtpUrl,
    mailFrom,
    publicUrl,
    publicUrlFromEnvironment: Boolean(env['PUBLIC_URL']?.trim()),
    oidcSecretKey,
    writeLimitPerMinute: int('WRITE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    publicReadLimitPerMinute: int('PUBLIC_READ_LIMIT_PER_MINUTE', 300, 1, 1_000_000),
    databaseDirectUrl,
    sessionCacheSeconds: int('SESSION_CACHE_SECONDS', 30, 0, 300),
    jobs: bool('JOBS', true),
    jobPollSeconds: int('JOB_POLL_SECONDS', 2, 1, 600),
    jobRetryDelaySeconds: int('JOB_RETRY_DELAY_SECONDS', 30, 1, 3600),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
