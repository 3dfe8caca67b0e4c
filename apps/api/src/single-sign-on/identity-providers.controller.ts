import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdentityProviderDto, IdentityProviderResponse, IdentityProviderTestDto, IdentityProviderTestResponse } from '@samspill/contracts';
import type { FastifyRequest } from 'fastify';
import { NotAudited } from '../audit/audit-context.interceptor';
import { RequirePermission } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { IdentityProvidersService } from './identity-providers.service';
import { originOf } from './origin';

/** An organisation's own OpenID Connect provider; administrators only. The client secret goes in, never out. */
@ApiTags('single sign-on')
@ApiBearerAuth()
@Controller('organizations/:id/identity-provider')
export class IdentityProvidersController {
  constructor(
    private readonly providers: IdentityProvidersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The settings, without the client secret; with the addresses to register at the provider. */
  @Get()
  @RequirePermission('identityProviders:manage')
  get(@Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<IdentityProviderResponse> {
    return this.providers.get(id, originOf(request, this.config));
  }

  /**
   * Connects the organisation to its provider, or changes the settings. The client secret is encrypted at rest and
   * never returned; leave it out to keep the stored one. A domain already covered by another organisation: 409.
   */
  @ApiRefusals(409)
  @Put()
  @HttpCode(200)
  @RequirePermission('identityProviders:manage')
  put(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IdentityProviderDto,
    @Req() request: FastifyRequest,
  ): Promise<IdentityProviderResponse> {
    return this.providers.put(id, dto, originOf(request, this.config));
  }

  /** Disconnects the provider; the organisation's people sign in with passwords again. */
  @Delete()
  @HttpCode(204)
  @RequirePermission('identityProviders:manage')
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.providers.remove(id);
  }

  /** "Test the connection": runs discovery at an issuer (typed, not yet saved) and says what it found. */
  @NotAudited('runs discovery at the issuer; stores nothing')
  @Post('test')
  @HttpCode(200)
  @RequirePermission('identityProviders:manage')
  test(@Param('id', ParseUUIDPipe) _id: string, @Body() dto: IdentityProviderTestDto): Promise<IdentityProviderTestResponse> {
    return this.providers.test(dto.issuer);
  }
}
