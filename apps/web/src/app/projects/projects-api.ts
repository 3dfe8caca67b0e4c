import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Direction,
  IndicatorResponse,
  LogEntryResponse,
  LogKind,
  MeasurementResponse,
  ProjectListResponse,
  ProjectResponse,
  ProjectStatus,
  Stage,
  TransitionResponse,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';

export interface ProjectFilter {
  partnershipId?: string;
  focusAreaId?: string;
  organizationId?: string;
  stage?: Stage;
  status?: ProjectStatus;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface NewProject {
  partnershipId: string;
  title: string;
  description: string;
  focusAreaId?: string | null;
  participantIds: string[];
}

/** PATCH /api/projects/:id carries the version the person saw; a newer one answers 409 STALE_VERSION. */
export interface ProjectChanges {
  title?: string;
  description?: string;
  focusAreaId?: string | null;
  participantIds?: string[];
  version: number;
}

export interface NewLogEntry {
  kind: LogKind;
  text: string;
  occurredOn?: string;
}

export interface NewIndicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
}

export interface NewMeasurement {
  value: number;
  measuredOn: string;
  organizationId?: string;
}

const path = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join('/')}`;

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(filter: ProjectFilter): Observable<ProjectListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<ProjectListResponse>('/api/projects', { params });
  }

  get(id: string): Observable<ProjectResponse> {
    return this.http.get<ProjectResponse>(path('projects', id));
  }

  create(project: NewProject): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>('/api/projects', project);
  }

  update(id: string, changes: ProjectChanges): Observable<ProjectResponse> {
    return this.http.patch<ProjectResponse>(path('projects', id), changes);
  }

  transitions(id: string): Observable<TransitionResponse[]> {
    return this.http.get<TransitionResponse[]>(path('projects', id, 'transitions'));
  }

  moveStage(id: string, toStage: Stage, rationale: string): Observable<TransitionResponse> {
    return this.http.post<TransitionResponse>(path('projects', id, 'transitions'), { toStage, rationale });
  }

  changeStatus(id: string, status: ProjectStatus, rationale: string): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>(path('projects', id, 'status'), { status, rationale });
  }

  log(id: string): Observable<LogEntryResponse[]> {
    return this.http.get<LogEntryResponse[]>(path('projects', id, 'log'));
  }

  addLogEntry(id: string, entry: NewLogEntry): Observable<LogEntryResponse> {
    return this.http.post<LogEntryResponse>(path('projects', id, 'log'), entry);
  }

  editLogEntry(entryId: string, changes: Partial<NewLogEntry>): Observable<LogEntryResponse> {
    return this.http.patch<LogEntryResponse>(path('log-entries', entryId), changes);
  }

  indicators(id: string): Observable<IndicatorResponse[]> {
    return this.http.get<IndicatorResponse[]>(path('projects', id, 'indicators'));
  }

  addIndicator(id: string, indicator: NewIndicator): Observable<IndicatorResponse> {
    return this.http.post<IndicatorResponse>(path('projects', id, 'indicators'), indicator);
  }

  addMeasurement(indicatorId: string, measurement: NewMeasurement): Observable<MeasurementResponse> {
    return this.http.post<MeasurementResponse>(path('indicators', indicatorId, 'measurements'), measurement);
  }
}
