import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countHitSql, PRUNE_RATE_COUNTERS_SQL, TooManyRequestsException } from '../common/rate-limit';
import { onlyRow } from '../database/only-row';

/** Failed sign-ins allowed per minute, by what they share. */
export const LOGIN_LIMITS = {
  /** One address guessing one account is stopped early, without using up the account's own allowance. */
  accountAndAddress: 5,
  /** Guessing one account from many addresses. */
  account: 10,
  /** Behind a load balancer without TRUST_PROXY everyone shares one address: a much higher ceiling. */
  address: 100,
} as const;

export interface LoginReservation {
  /** A successful sign-in gives its attempt back: only failures count. */
  release(): Promise<void>;
}

/**
 * Reserves a sign-in attempt in PostgreSQL before the password is checked,
 * in one statement: (account, address) first, then the account, then the
 * address, each counted only while the one before is within its limit.
 * Parallel attempts therefore cannot all pass a check made before any of
 * them was counted, and every API process sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async reserve(email: string, ip: string): Promise<LoginReservation> {
    const keys = [`login:pair:${ip}:${email}`, `login:account:${email}`, `login:address:${ip}`];
    const row = onlyRow(
      await this.dataSource.query<
        {
          pair: number;
          pair_retry: number;
          account: number | null;
          account_retry: number | null;
          address: number | null;
          address_retry: number | null;
        }[]
      >(
        `WITH pair AS (${countHitSql('$1::text')}),
            account AS (${countHitSql('$2::text', `FROM pair WHERE pair.hits <= $4`)}),
            address AS (${countHitSql('$3::text', `FROM account WHERE account.hits <= $5`)})
       SELECT pair.hits AS pair, pair.retry_after AS pair_retry, account.hits AS account, account.retry_after AS account_retry,
              address.hits AS address, address.retry_after AS address_retry
       FROM pair LEFT JOIN account ON true LEFT JOIN address ON true`,
        [...keys, LOGIN_LIMITS.accountAndAddress, LOGIN_LIMITS.account],
      ),
    );
    if (Math.random() < 0.01) await this.dataSource.query(PRUNE_RATE_COUNTERS_SQL);
    const blockedFor =
      row.pair > LOGIN_LIMITS.accountAndAddress
        ? row.pair_retry
        : (row.account ?? 0) > LOGIN_LIMITS.account
          ? row.account_retry
          : (row.address ?? 0) > LOGIN_LIMITS.address
            ? row.address_retry
            : null;
    if (blockedFor !== null) {
      throw new TooManyRequestsException(
        blockedFor ?? 60,
        'TOO_MANY_ATTEMPTS',
        'Too many failed sign-in attempts. Wait a minute and try again.',
      );
    }
    return {
      release: async () => {
        await this.dataSource.query(`UPDATE rate_counters SET hits = greatest(hits - 1, 0) WHERE key = ANY($1::text[])`, [keys]);
      },
    };
  }
}
