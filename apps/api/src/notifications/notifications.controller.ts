import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MarkReadDto, type NotificationList, NotificationListQuery } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../common/decorators';
import { NotificationHub } from './notification-hub';
import { NotificationsService } from './notifications.service';

/** A comment line now and then keeps proxies from closing an idle stream and lets either side notice a dead one. */
export const HEARTBEAT_MS = 15_000;

/**
 * When the stream of a request must end: when its access token expires (in ms since the epoch), so that a session
 * ended or a person deactivated stops receiving within the token's lifetime; the client renews its token and
 * reconnects. The guard has verified the token already; this only reads its `exp`. Null when there is none to read.
 */
export function streamDeadline(authorization: string | undefined): number | null {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly hub: NotificationHub,
  ) {}

  /** Your notifications, newest first, and how many are unread in all. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQuery): Promise<NotificationList> {
    return this.notifications.list(user, query);
  }

  /** Marks `ids` (yours; others are passed over) or `all: true` as read. */
  @Post('read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthenticatedUser, @Body() dto: MarkReadDto): Promise<void> {
    await this.notifications.markRead(user.id, dto);
  }

  /**
   * Server-sent events: `ready` with `{ unread }` first, then `notification` with `{ item, unread }` for each new
   * notification (also when another API process raised it), and a `: heartbeat` comment every 15 s. Signed in with
   * the same bearer token as every request (read it with fetch(), not EventSource). The stream ends when that token
   * expires; renew it and reconnect.
   */
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'A stream of server-sent events.', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  async stream(@CurrentUser() user: AuthenticatedUser, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let open = true;
    let chain = Promise.resolve();
    const pending: string[] = [];
    let ready = false;
    const raw = reply.raw;
    const write = (text: string) => {
      if (open) raw.write(text);
    };
    const deliver = (id: string) => {
      chain = chain
        .then(async () => {
          const event = open ? await this.notifications.one(user, id) : null;
          if (event) write(`event: notification\nid: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
        })
        .catch(() => undefined);
    };
    // Listen first, so nothing raised while the stream opens is missed.
    const unsubscribe = this.hub.subscribe(user.id, (id) => (ready ? deliver(id) : pending.push(id)));
    const unread = await this.notifications.unread(user.id);
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ unread })}\n\n`);
    ready = true;
    for (const id of pending.splice(0)) deliver(id);
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    const deadline = streamDeadline(request.headers.authorization);
    const expiry = deadline === null ? null : setTimeout(() => raw.end(), Math.max(0, deadline - Date.now()));
    const close = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      if (expiry) clearTimeout(expiry);
      unsubscribe();
    };
    request.raw.once('close', close);
    raw.once('close', close);
    raw.once('error', close);
  }
}
