import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UnsubscribeQuery, type UnsubscribeResult } from '@samspill/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { Public } from '../common/decorators';
import { DomainException } from '../common/domain-exception';
import { ApiRefusals } from '../common/openapi';
import { UnsubscribeTokens } from './unsubscribe-token';

const COLUMN = { digest: `digest = 'off'`, mention: 'email_on_mention = false', reply: 'email_on_reply = false' } as const;

/**
 * RFC 8058 one-click unsubscribe: the address in a mail's `List-Unsubscribe` header, posted by the mail client
 * (`List-Unsubscribe=One-Click`, as a form) or by the web page the mail links to. No sign-in: the signed token
 * says who and which mail. A forged or broken token is refused (400 INVALID_TOKEN) and nothing changes.
 */
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** Switches off the mail the token names (the digest, or e-mail for mentions or replies), without signing in. */
  @Public()
  @ApiRefusals(400)
  @Post()
  @HttpCode(200)
  async unsubscribe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeResult> {
    const found = this.tokens.verify(query.token);
    if (!found)
      throw new DomainException(
        'INVALID_TOKEN',
        'This unsubscribe link is not valid. Change your e-mail settings on your profile page instead.',
      );
    await this.dataSource.transaction(async (m) => {
      const changed = await m.query<[unknown[], number]>(`UPDATE users SET ${COLUMN[found.kind]} WHERE id = $1`, [found.userId]);
      await recordAudit(m, {
        action: 'user.unsubscribe',
        entityType: 'user',
        entityId: changed[1] > 0 ? found.userId : null,
        after: { kind: found.kind },
        actor: { id: found.userId, organizationId: null },
      });
    });
    return { kind: found.kind };
  }
}
