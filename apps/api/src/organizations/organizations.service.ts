import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CreateOrganizationDto, DIRECTORY_PAGE_SIZE_MAX, type DirectoryPageQuery } from '@samspill/contracts';
import { Repository } from 'typeorm';
import { DomainException } from '../common/domain-exception';
import { decodeCursor, type Page, pageOf } from '../common/paging';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  /** By name, a page at a time. */
  async list(page: DirectoryPageQuery): Promise<Page<OrganizationEntity>> {
    const limit = page.limit ?? DIRECTORY_PAGE_SIZE_MAX;
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const query = this.organizations
      .createQueryBuilder('o')
      .orderBy('lower(o.name)', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit + 1);
    if (after) query.where('(lower(o.name), o.id) > (lower(:name), CAST(:id AS uuid))', { name: after[0], id: after[1] });
    return pageOf(
      await query.getMany(),
      limit,
      (o) => [o.name, o.id],
      (o) => o,
    );
  }

  async create(dto: CreateOrganizationDto): Promise<OrganizationEntity> {
    const code = dto.code ?? null;
    const duplicate = await this.organizations
      .createQueryBuilder('o')
      .where('o.country = :country', { country: dto.country })
      .andWhere(code ? '(lower(o.name) = lower(:name) OR o.code = :code)' : 'lower(o.name) = lower(:name)', { name: dto.name, code })
      .getOne();
    if (duplicate) {
      throw new DomainException(
        'CONFLICT',
        `An organisation with this ${duplicate.code === code && code ? 'official number' : 'name'} already exists in ${dto.country}`,
        409,
      );
    }
    return this.organizations.save(this.organizations.create({ name: dto.name, kind: dto.kind, code, country: dto.country }));
  }
}
