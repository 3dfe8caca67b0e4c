import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { UpdateUserDto, UserListQuery, UserListResponse, UserResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<UserListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<UserListResponse>('/api/users', { params });
  }

  update(id: string, changes: UpdateUserDto): Observable<UserResponse> {
    return this.http.patch<UserResponse>(apiPath('users', id), changes);
  }
}
