import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, UpdateUserDto, UserListQuery, type UserListResponse, type UserResponse } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { toUserResponse } from './user.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** People by name, with search and filters: everyone for admins, their own organisation's people for leaders. */
  @Get()
  @RequirePermission('users:read')
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: UserListQuery): Promise<UserListResponse> {
    const page = await this.users.list(actorOf(user), query);
    return { items: page.items.map(toUserResponse), total: page.total };
  }

  /** A new user account with a password; inviting by e-mail (POST /invitations) is the usual way. */
  @ApiRefusals(409)
  @Post()
  @RequirePermission('users:create')
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(dto));
  }

  /**
   * Name, role, active or locale. A leader manages the people of their own organisation (never admins);
   * nobody changes their own role. A role change or deactivation ends the person's sessions.
   */
  @ApiRefusals(403, 409)
  @Patch(':id')
  @RequirePermission('users:update')
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update({ ...actorOf(user), userId: user.id }, id, dto));
  }
}
