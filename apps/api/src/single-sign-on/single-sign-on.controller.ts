import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MySignInResponse, SignInMethodDto, SignInMethodResponse } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotAudited } from '../audit/audit-context.interceptor';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { deviceOf, sendSession } from '../auth/session-cookie';
import { CurrentUser, Public } from '../common/decorators';
import { DomainException } from '../common/domain-exception';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { originOf } from './origin';
import { SingleSignOnService } from './single-sign-on.service';

/** Binds a sign-in under way to the browser that started it (login CSRF): sent back only to the callback. */
export const SSO_COOKIE = 'samspill_sso';
const SSO_COOKIE_PATH = '/api/auth/oidc';

@ApiTags('auth')
@Controller('auth')
export class SingleSignOnController {
  constructor(
    private readonly sso: SingleSignOnService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * E-mail first: `password`, or `oidc` with the provider's address to send the browser to (a cookie binds that
   * sign-in to this browser). Addresses without an account get the same answer as those with one.
   */
  @Public()
  @NotAudited('nobody is signed in yet; the sign-in itself is recorded when it completes')
  @Post('sign-in-method')
  @HttpCode(200)
  async signInMethod(
    @Body() dto: SignInMethodDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInMethodResponse> {
    const started = await this.sso.start(dto.email, originOf(request, this.config), dto.returnUrl);
    if (started.browserToken) {
      reply.setCookie(SSO_COOKIE, started.browserToken, {
        httpOnly: true,
        // The provider sends the browser back with a top-level GET from its own site: Strict would withhold it.
        sameSite: 'lax',
        secure: this.secure(request),
        path: SSO_COOKIE_PATH,
        maxAge: 600,
      });
    }
    reply.header('cache-control', 'no-store');
    return started.response;
  }

  /**
   * Where the provider sends the browser back. Signed in: a redirect into the web app with the refresh cookie set.
   * Refused: a redirect to the sign-in page with `error` (a code of ERROR_CODES) and, where it has several causes,
   * `reason`; nothing is created.
   */
  @Public()
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'iss', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiResponse({ status: 302, description: 'To the web app, signed in; or to /sign-in?error=<code>[&reason=<reason>].' })
  @Get('oidc/callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH, httpOnly: true, sameSite: 'lax' });
    reply.header('cache-control', 'no-store');
    try {
      const { session, returnUrl } = await this.sso.finish(query, request.cookies[SSO_COOKIE], deviceOf(request));
      sendSession(this.config, request, reply, session);
      await reply.redirect(returnUrl, 302);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const refusal = new URLSearchParams({ error: error.code, ...(error.reason ? { reason: error.reason } : {}) });
      await reply.redirect(`/sign-in?${refusal.toString()}`, 302);
    }
  }

  /** How the signed-in person signs in: this session's way, the organisation's provider, and whether a password is allowed. */
  @ApiBearerAuth()
  @Get('me/sign-in-method')
  mySignIn(@CurrentUser() user: AuthenticatedUser): Promise<MySignInResponse> {
    return this.sso.mySignIn(user);
  }

  private secure(request: FastifyRequest): boolean {
    return this.config.cookieSecure === 'auto' ? request.protocol === 'https' : this.config.cookieSecure;
  }
}
