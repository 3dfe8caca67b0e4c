import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Country, OrganizationKind, OrganizationResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';

/** The body of POST /api/organizations (the contract's CreateOrganizationDto, without its validators). */
export interface NewOrganization {
  name: string;
  kind: OrganizationKind;
  code?: string;
  country: Country;
}

@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<OrganizationResponse[]> {
    return this.http.get<OrganizationResponse[]>('/api/organizations');
  }

  create(organization: NewOrganization): Observable<OrganizationResponse> {
    return this.http.post<OrganizationResponse>('/api/organizations', organization);
  }
}
