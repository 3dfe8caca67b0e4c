import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerFollowUpDto,
  BenefitResponse,
  CreateBenefitDto,
  FollowUpQuery,
  FollowUpResponse,
  IndicatorChart,
  MeasurementResponse,
  UpdateBenefitDto,
  UpdateMeasurementDto,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

/** Run charts, corrections of measurements, benefits and follow-ups (issue 11). */
@Injectable({ providedIn: 'root' })
export class MeasurementApi {
  private readonly http = inject(HttpClient);

  chart(indicatorId: string): Observable<IndicatorChart> {
    return this.http.get<IndicatorChart>(apiPath('indicators', indicatorId, 'chart'));
  }

  /** Carries the version the person saw; a newer one answers 409 STALE_VERSION. */
  correctMeasurement(id: string, changes: UpdateMeasurementDto): Observable<MeasurementResponse> {
    return this.http.patch<MeasurementResponse>(apiPath('measurements', id), changes);
  }

  removeMeasurement(id: string): Observable<void> {
    return this.http.delete<void>(apiPath('measurements', id));
  }

  benefits(projectId: string): Observable<BenefitResponse[]> {
    return this.http.get<BenefitResponse[]>(apiPath('projects', projectId, 'benefits'));
  }

  addBenefit(projectId: string, benefit: CreateBenefitDto): Observable<BenefitResponse> {
    return this.http.post<BenefitResponse>(apiPath('projects', projectId, 'benefits'), benefit);
  }

  /** Carries the version the person saw; a newer one answers 409 STALE_VERSION. */
  updateBenefit(id: string, changes: UpdateBenefitDto): Observable<BenefitResponse> {
    return this.http.patch<BenefitResponse>(apiPath('benefits', id), changes);
  }

  followUps(query: FollowUpQuery): Observable<FollowUpResponse[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<FollowUpResponse[]>('/api/follow-ups', { params });
  }

  answerFollowUp(id: string, answer: AnswerFollowUpDto): Observable<FollowUpResponse> {
    return this.http.post<FollowUpResponse>(apiPath('follow-ups', id), answer);
  }
}
