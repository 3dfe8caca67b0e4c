import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Lesson } from '@samspill/contracts';
import { Snippet } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';

/** One lesson as a search hit: what kind, the words found, whose, when, and the project it belongs to. */
@Component({
  selector: 'sp-lesson-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Snippet],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-2);
    }
    .kind {
      justify-self: start;
    }
    .text {
      margin: 0;
    }
    .meta {
      margin: 0;
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
  `,
  template: `
    <span class="ds-tag kind" [attr.data-color]="color()">{{ kind() }}</span>
    <p class="ds-paragraph text"><sp-snippet [parts]="lesson().snippet" /></p>
    <p class="meta">
      {{ whose() }} · {{ date() }} ·
      <a class="ds-link" [routerLink]="['/projects', lesson().project.id]">{{ project() }}</a>
      ({{ lesson().partnership.name }})
    </p>
  `,
})
export class LessonItem {
  private readonly i18n = inject(I18n);

  readonly lesson = input.required<Lesson>();

  protected readonly kind = computed(() => this.i18n.t(`learning.lessonKinds.${this.lesson().kind}`));
  protected readonly color = computed(
    () => ({ lesson: 'info', result: 'success', stopped: 'warning', completed: 'neutral' })[this.lesson().kind],
  );
  protected readonly whose = computed(() => {
    const organization = this.lesson().organization;
    return organization
      ? `${organization.name} (${this.i18n.t(`countries.${organization.country}`)})`
      : this.i18n.t('learning.lessons.noOrganization');
  });
  protected readonly date = computed(() => this.i18n.formatDate(this.lesson().createdAt));
  protected readonly project = computed(() => this.i18n.t('learning.lessons.project', { title: this.lesson().project.title }));
}
