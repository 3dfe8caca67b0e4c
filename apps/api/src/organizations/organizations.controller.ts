import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganizationDto,
  DirectoryPageQuery,
  OrganizationResponse,
  SetSuccessorDto,
  UpdateOrganizationDto,
} from '@samspill/contracts';
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

  /** Every organisation, inactive ones (merged into a successor) included. */
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

  /** Corrects name, official number, kind or country. */
  @ApiRefusals(409)
  @Patch(':id')
  @RequirePermission('organizations:update')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.update(id, dto));
  }

  /** Records a merger: the organisation becomes part of the successor and inactive; its history keeps its name. */
  @Post(':id/successor')
  @HttpCode(200)
  @RequirePermission('organizations:update')
  async setSuccessor(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SetSuccessorDto): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.setSuccessor(id, dto.successorId));
  }
}
