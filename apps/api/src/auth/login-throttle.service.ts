import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const MAX_FAILED_ATTEMPTS = 10;
const WINDOW = '1 minute';

/**
 * Counts failed sign-ins in PostgreSQL, not in memory, so that every API
 * process behind a load balancer sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isBlocked(email: string, ip: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ by_email: number; by_ip: number }[]>(
      `SELECT
         count(*) FILTER (WHERE email = $1)::int AS by_email,
         count(*) FILTER (WHERE ip = $2)::int AS by_ip
       FROM login_attempts
       WHERE (email = $1 OR ip = $2) AND attempted_at > now() - interval '${WINDOW}'`,
      [email, ip],
    );
    return (row?.by_email ?? 0) >= MAX_FAILED_ATTEMPTS || (row?.by_ip ?? 0) >= MAX_FAILED_ATTEMPTS;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempts (email, ip) VALUES ($1, $2)`, [email, ip]);
    // Old rows only matter for a minute; prune now and then rather than on a timer.
    if (Math.random() < 0.02) {
      await this.dataSource.query(`DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day'`);
    }
  }
}
