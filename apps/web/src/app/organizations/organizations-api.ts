import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateOrganizationDto, OrganizationResponse, SetSuccessorDto, UpdateOrganizationDto } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<OrganizationResponse[]> {
    return this.http.get<OrganizationResponse[]>('/api/organizations');
  }

  create(organization: CreateOrganizationDto): Observable<OrganizationResponse> {
    return this.http.post<OrganizationResponse>('/api/organizations', organization);
  }

  update(id: string, changes: UpdateOrganizationDto): Observable<OrganizationResponse> {
    return this.http.patch<OrganizationResponse>(apiPath('organizations', id), changes);
  }

  /** A merger: the organisation becomes part of its successor, and inactive. */
  setSuccessor(id: string, body: SetSuccessorDto): Observable<OrganizationResponse> {
    return this.http.post<OrganizationResponse>(apiPath('organizations', id, 'successor'), body);
  }
}
