import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  type AuthResponse,
  ChangePasswordDto,
  type CurrentUser as CurrentUserResponse,
  LoginDto,
  LogoutResponse,
  PageQuery,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  type PasswordResetRequested,
  REFRESH_COOKIE,
  SessionResponse,
  UpdateProfileDto,
  type UserResponse,
} from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotAudited } from '../audit/audit-context.interceptor';
import { CurrentUser, Public } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService, type IssuedSession } from './auth.service';
import { LocalAuthGuard } from './guards';
import { PasswordResetService } from './password-reset.service';
import { UsersService } from '../users/users.service';
import { toUserResponse } from '../users/user.mapper';
import { CLEAR_COOKIE, deviceOf, sendSession } from './session-cookie';
import { SingleSignOnService } from '../single-sign-on/single-sign-on.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
    private readonly users: UsersService,
    private readonly sso: SingleSignOnService,
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
    return this.send(request, reply, await this.auth.startSession(request.user, deviceOf(request)));
  }

  /** A new access token for the refresh cookie; the cookie is rotated at every use. */
  @Public()
  @ApiCookieAuth('refresh')
  @ApiRefusals(401)
  @NotAudited('renewing a token changes nothing a person did; sign-ins and sign-outs are recorded')
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

  /** Signs out of this session only (the one of the refresh cookie, or of the access token); other devices stay signed in. */
  @Public()
  @ApiCookieAuth('refresh')
  @ApiResponse({ status: 200, type: LogoutResponse, description: 'Signed out; sign out at the identity provider too, here.' })
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LogoutResponse | void> {
    const bearer = await this.auth.sessionFromBearer(request.headers.authorization);
    // Single sign-on (issue 15): a session that began at a provider offering RP-initiated logout ends there too.
    const endSessionUrl = await this.sso.endSessionUrl(request.cookies[REFRESH_COOKIE], bearer);
    await this.auth.logout(request.cookies[REFRESH_COOKIE], bearer);
    reply.clearCookie(REFRESH_COOKIE, CLEAR_COOKIE);
    if (endSessionUrl) {
      reply.status(200);
      return { endSessionUrl };
    }
  }

  /** Signs out everywhere: every session of the person ends, this one included. */
  @ApiBearerAuth()
  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutAll(user);
    reply.clearCookie(REFRESH_COOKIE, CLEAR_COOKIE);
  }

  /** The person's own sessions (devices and browsers signed in), newest first; `current` marks the one asking. */
  @ApiBearerAuth()
  @ApiPage(SessionResponse)
  @Get('sessions')
  async sessions(@CurrentUser() user: AuthenticatedUser, @Query() page: PageQuery): Promise<Page<SessionResponse>> {
    return this.auth.sessions(user, page);
  }

  /** Ends one of the person's own sessions: its refresh token and access tokens stop working, the others keep working. */
  @ApiBearerAuth()
  @ApiRefusals(404)
  @Delete('sessions/:id')
  @HttpCode(204)
  async endSession(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.auth.endSession(user, id);
  }

  /** The signed-in person. */
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): CurrentUserResponse {
    const { tokenVersion: _hidden, sessionId: _session, ...publicUser } = user;
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

  /** Your own name and language; the web app follows the language after sign-in, on any device. */
  @ApiBearerAuth()
  @Patch('me')
  async updateMe(@CurrentUser() user: AuthenticatedUser, @Body() dto: UpdateProfileDto): Promise<UserResponse> {
    return toUserResponse(await this.users.updateProfile(user, dto));
  }

  /**
   * "Forgot password": if the address has an active account, a link that works once, for an hour, goes to it.
   * The answer is 202 whether or not it has one.
   */
  @Public()
  @NotAudited('the request is recorded in the background, once it is known whether the address has an account')
  @Post('password-reset')
  @HttpCode(202)
  requestPasswordReset(@Body() dto: PasswordResetRequestDto): PasswordResetRequested {
    this.passwordReset.request(dto.email);
    return { message: 'If the address belongs to an account, a link to choose a new password is on its way. It works for one hour.' };
  }

  /** The token from the link and a new password; the link is spent and every session of the person ends. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.passwordReset.confirm(dto.token, dto.password);
  }

  private send(request: FastifyRequest, reply: FastifyReply, session: IssuedSession): AuthResponse {
    return sendSession(this.config, request, reply, session);
  }
}
