import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FollowUpResponse } from '@samspill/contracts';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { MeasurementApi } from '../measurement/measurement-api';
import { FollowUpAnswerForm } from './follow-up-answer-form';

/**
 * On a leader's home page: the follow-ups of their organisation that are due,
 * each with its question and the answer form. Gains fade unless someone checks.
 */
@Component({
  selector: 'sp-due-follow-ups',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, FollowUpAnswerForm],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .items {
      display: grid;
      gap: var(--ds-size-4);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: grid;
      gap: var(--ds-size-3);
      padding: var(--ds-size-4);
      border: 1px solid var(--ds-color-warning-border-subtle);
      border-radius: var(--ds-border-radius-lg);
    }
    .item h3 {
      margin: 0;
    }
  `,
  template: `
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
    <h2 class="ds-heading" data-size="sm" id="follow-ups-heading" tabindex="-1">{{ 'followUps.heading' | t }}</h2>
    @if (due.value(); as list) {
      @if (list.length === 0) {
        <p class="ds-paragraph">{{ 'followUps.noneDue' | t }}</p>
      } @else {
        <p class="ds-paragraph">{{ 'followUps.intro' | t }}</p>
        <ul class="items" role="list">
          @for (item of items(); track item.f.id) {
            <li class="item" [attr.aria-labelledby]="'follow-up-' + item.f.id">
              <h3 class="ds-heading" data-size="2xs" [id]="'follow-up-' + item.f.id">
                <a class="ds-link" [routerLink]="['/projects', item.f.project.id]">{{ item.f.project.title }}</a>
              </h3>
              <p class="ds-paragraph" data-size="sm">{{ item.when }}</p>
              <sp-follow-up-answer-form [followUp]="item.f" (answered)="answered($event)" />
            </li>
          }
        </ul>
      }
    } @else {
      <sp-load-status [data]="due" loadingText="followUps.loading" />
    }
  `,
})
export class DueFollowUps {
  private readonly api = inject(MeasurementApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();

  protected readonly due = dataResource(
    () => this.actor().organizationId ?? undefined,
    (organizationId) => this.api.followUps({ status: 'due', organizationId }),
  );
  protected readonly announcement = signal('');

  protected readonly items = computed(() =>
    (this.due.value() ?? []).map((f) => ({
      f,
      when: this.i18n.t('followUps.dueSince', {
        organization: f.organization.name,
        date: this.i18n.formatDate(`${f.dueOn}T12:00:00`),
      }),
    })),
  );

  protected answered(f: FollowUpResponse): void {
    this.announcement.set(
      this.i18n.t('followUps.thanks', { title: f.project.title, answer: this.i18n.t(`followUps.statuses.${f.status}`) }),
    );
    this.due.update((list) => list.filter((x) => x.id !== f.id));
    this.focus('#follow-ups-heading');
  }
}
