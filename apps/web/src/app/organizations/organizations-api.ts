import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateOrganizationDto, OrganizationResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<OrganizationResponse[]> {
    return this.http.get<OrganizationResponse[]>('/api/organizations');
  }

  create(organization: CreateOrganizationDto): Observable<OrganizationResponse> {
    return this.http.post<OrganizationResponse>('/api/organizations', organization);
  }
}
