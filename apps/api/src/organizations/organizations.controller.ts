import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateOrganizationDto, type OrganizationResponse } from '@samspill/contracts';
import { RequirePermission } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { toOrganizationResponse } from './organization.mapper';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Every organisation. */
  @Get()
  @RequirePermission('organizations:read')
  async list(): Promise<OrganizationResponse[]> {
    return (await this.organizations.list()).map(toOrganizationResponse);
  }

  /** A new organisation; name and official number are unique per country. */
  @ApiRefusals(409)
  @Post()
  @RequirePermission('organizations:create')
  async create(@Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.create(dto));
  }
}
