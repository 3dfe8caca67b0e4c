import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, PageQuery, UpdateUserDto, UserResponse } from '@samspill/contracts';
import { RequirePermission } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { toUserResponse } from './user.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every user account. */
  @ApiPage(UserResponse)
  @Get()
  @RequirePermission('users:read')
  async list(@Query() page: PageQuery): Promise<Page<UserResponse>> {
    return (await this.users.list(page)).map(toUserResponse);
  }

  /** A new user account. */
  @ApiRefusals(409)
  @Post()
  @RequirePermission('users:create')
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(dto));
  }

  /** Name, role, locale, or deactivation; a role change or deactivation ends the person's sessions. */
  @Patch(':id')
  @RequirePermission('users:update')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.update(id, dto));
  }
}
