import type { OrganizationResponse, OrganizationSummary } from '@samspill/contracts';
import type { OrganizationEntity } from './organization.entity';

export function toOrganizationResponse(o: OrganizationEntity): OrganizationResponse {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    code: o.code,
    country: o.country,
    active: o.active,
    successor: o.successor ? { id: o.successor.id, name: o.successor.name } : null,
    version: o.version,
  };
}

export function toOrganizationSummary(o: OrganizationEntity): OrganizationSummary {
  return { id: o.id, name: o.name, kind: o.kind };
}
