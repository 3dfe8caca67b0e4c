import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProjectResponse } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/** A project on the board: title (the link), focus area, participants and status. */
@Component({
  selector: 'sp-project-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  styles: `
    .card {
      display: grid;
      gap: var(--ds-size-2);
      padding: var(--ds-size-4);
      border: 1px solid var(--ds-color-neutral-border-subtle);
      border-radius: var(--ds-border-radius-md);
      background: var(--ds-color-neutral-background-default);
      box-shadow: var(--ds-shadow-xs);
    }
    h3 {
      margin: 0;
      font-size: var(--ds-body-md-font-size);
      line-height: var(--ds-line-height-sm);
    }
    p {
      margin: 0;
      font-size: var(--ds-body-sm-font-size);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
    }
    .participants {
      color: var(--ds-color-neutral-text-subtle);
    }
    /* Stopped and completed projects stand back: dashed, and their status in words. */
    .closed {
      border-style: dashed;
      background: var(--ds-color-neutral-background-tinted);
    }
  `,
  template: `
    @let p = project();
    <article class="card" [class.closed]="p.status !== 'active'">
      <h3>
        <a class="ds-link" [routerLink]="['/projects', p.id]">{{ p.title }}</a>
      </h3>
      <p class="tags">
        <span class="ds-tag" [attr.data-color]="statusColor()"
          ><span class="ds-sr-only">{{ 'projects.status' | t }}: </span>{{ status() }}</span
        >
        <span class="ds-tag" data-color="neutral">
          <span class="ds-sr-only">{{ 'projects.focusArea' | t }}: </span>{{ p.focusArea?.name ?? ('projects.noFocusArea' | t) }}
        </span>
      </p>
      <p class="participants">
        <span class="ds-sr-only">{{ 'projects.participants' | t }}: </span>{{ participants() }}
      </p>
    </article>
  `,
})
export class ProjectCard {
  private readonly i18n = inject(I18n);

  readonly project = input.required<ProjectResponse>();

  protected readonly participants = computed(() =>
    this.project()
      .participants.map((p) => p.name)
      .join(', '),
  );
  protected readonly status = computed(() => this.i18n.t(`statuses.${this.project().status}`));
  protected readonly statusColor = computed(() => ({ active: 'success', stopped: 'warning', completed: 'info' })[this.project().status]);
}
