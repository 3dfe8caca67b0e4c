import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, counted per account and per address to throttle guessing. */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
