import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  type AuthResponse,
  ChangePasswordDto,
  type CurrentUser as CurrentUserResponse,
  LoginDto,
  REFRESH_COOKIE,
} from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService, type IssuedSession } from './auth.service';
import { LocalAuthGuard } from './guards';

const COOKIE_PATH = '/api/auth';
const CLEAR_COOKIE = { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' } as const;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in: an access token in the body, a refresh token in an HttpOnly cookie. */
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiRefusals(401, 429)
  @Post('login')
  @HttpCode(200)
  async login(
    @Req() request: FastifyRequest & { user: AuthenticatedUser },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    return this.send(request, reply, await this.auth.startSession(request.user));
  }

  /** A new access token for the refresh cookie; the cookie is rotated at every use. */
  @Public()
  @ApiCookieAuth('refresh')
  @ApiRefusals(401)
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponse> {
    try {
      return this.send(request, reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE]));
    } catch (error) {
      reply.clearCookie(REFRESH_COOKIE, CLEAR_COOKIE);
      throw error;
    }
  }

  /** Signs out: the refresh token is revoked and its cookie cleared. */
  @Public()
  @ApiCookieAuth('refresh')
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const bearerUserId = await this.auth.userIdFromBearer(request.headers.authorization);
    await this.auth.logout(request.cookies[REFRESH_COOKIE], bearerUserId);
    reply.clearCookie(REFRESH_COOKIE, CLEAR_COOKIE);
  }

  /** The signed-in person. */
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): CurrentUserResponse {
    const { tokenVersion: _hidden, ...publicUser } = user;
    return publicUser;
  }

  /** Changing the password ends every session, this one included. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
    reply.clearCookie(REFRESH_COOKIE, CLEAR_COOKIE);
  }

  private send(request: FastifyRequest, reply: FastifyReply, session: IssuedSession): AuthResponse {
    const secure = this.config.cookieSecure === 'auto' ? request.protocol === 'https' : this.config.cookieSecure;
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: COOKIE_PATH,
      maxAge: session.refreshMaxAgeSeconds,
    });
    reply.header('cache-control', 'no-store');
    return session.response;
  }
}
