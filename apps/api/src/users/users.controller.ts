import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, UpdateUserDto, type UserResponse } from '@samspill/contracts';
import { RequirePermission } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { toUserResponse } from './user.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every user account. */
  @Get()
  @RequirePermission('users:read')
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(toUserResponse);
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
