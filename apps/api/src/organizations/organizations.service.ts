import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CreateOrganizationDto, DIRECTORY_PAGE_SIZE_MAX, type DirectoryPageQuery } from '@samspill/contracts';
import { Repository } from 'typeorm';
import { DomainException } from '../common/domain-exception';
import { type Page, pageByName } from '../common/paging';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  /** By name, a page at a time. */
  list(page: DirectoryPageQuery): Promise<Page<OrganizationEntity>> {
    return pageByName(this.organizations.createQueryBuilder('o'), page, DIRECTORY_PAGE_SIZE_MAX, { caseInsensitive: true });
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
