import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateOrganizationDto, DirectoryPageQuery, OrganizationResponse } from '@samspill/contracts';
import { RequirePermission } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { toOrganizationResponse } from './organization.mapper';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Every organisation. */
  @ApiPage(OrganizationResponse)
  @Get()
  @RequirePermission('organizations:read')
  async list(@Query() page: DirectoryPageQuery): Promise<Page<OrganizationResponse>> {
    return (await this.organizations.list(page)).map(toOrganizationResponse);
  }

  /** A new organisation; name and official number are unique per country. */
  @ApiRefusals(409)
  @Post()
  @RequirePermission('organizations:create')
  async create(@Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.create(dto));
  }
}
