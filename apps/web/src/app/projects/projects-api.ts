import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeStatusDto,
  CreateIndicatorDto,
  CreateLogEntryDto,
  CreateMeasurementDto,
  CreateProjectDto,
  CreateTransitionDto,
  IndicatorResponse,
  LogEntryResponse,
  MeasurementResponse,
  ProjectListQuery,
  ProjectListResponse,
  ProjectResponse,
  StageMoveResponse,
  TransitionResponse,
  UpdateLogEntryDto,
  UpdateProjectDto,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

/** The project endpoints; bodies are the contract's DTOs (imported as types: their validators stay on the server). */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(query: ProjectListQuery): Observable<ProjectListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<ProjectListResponse>('/api/projects', { params });
  }

  get(id: string): Observable<ProjectResponse> {
    return this.http.get<ProjectResponse>(apiPath('projects', id));
  }

  create(project: CreateProjectDto): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>('/api/projects', project);
  }

  /** Carries the version the person saw; a newer one answers 409 STALE_VERSION. */
  update(id: string, changes: UpdateProjectDto): Observable<ProjectResponse> {
    return this.http.patch<ProjectResponse>(apiPath('projects', id), changes);
  }

  transitions(id: string): Observable<TransitionResponse[]> {
    return this.http.get<TransitionResponse[]>(apiPath('projects', id, 'transitions'));
  }

  /** Answers with the decision as recorded and the project as it now is. */
  moveStage(id: string, move: CreateTransitionDto): Observable<StageMoveResponse> {
    return this.http.post<StageMoveResponse>(apiPath('projects', id, 'transitions'), move);
  }

  changeStatus(id: string, change: ChangeStatusDto): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>(apiPath('projects', id, 'status'), change);
  }

  log(id: string): Observable<LogEntryResponse[]> {
    return this.http.get<LogEntryResponse[]>(apiPath('projects', id, 'log'));
  }

  addLogEntry(id: string, entry: CreateLogEntryDto): Observable<LogEntryResponse> {
    return this.http.post<LogEntryResponse>(apiPath('projects', id, 'log'), entry);
  }

  editLogEntry(entryId: string, changes: UpdateLogEntryDto): Observable<LogEntryResponse> {
    return this.http.patch<LogEntryResponse>(apiPath('log-entries', entryId), changes);
  }

  indicators(id: string): Observable<IndicatorResponse[]> {
    return this.http.get<IndicatorResponse[]>(apiPath('projects', id, 'indicators'));
  }

  addIndicator(id: string, indicator: CreateIndicatorDto): Observable<IndicatorResponse> {
    return this.http.post<IndicatorResponse>(apiPath('projects', id, 'indicators'), indicator);
  }

  addMeasurement(indicatorId: string, measurement: CreateMeasurementDto): Observable<MeasurementResponse> {
    return this.http.post<MeasurementResponse>(apiPath('indicators', indicatorId, 'measurements'), measurement);
  }
}
