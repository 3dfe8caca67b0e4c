import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Lineage } from '@samspill/contracts';
import { lineageTrees } from '@samspill/domain';
import { LineageDrawing } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/**
 * Where a practice came from and everywhere it went since: a drawing for the
 * eye, and the same as nested lists of links (origins, then spread) for
 * screen readers and the keyboard.
 */
@Component({
  selector: 'sp-lineage-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineageDrawing, NgTemplateOutlet, RouterLink, TranslatePipe],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .lists {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
      gap: var(--ds-size-4);
    }
    ul ul {
      padding-inline-start: var(--ds-size-5);
    }
    h3 {
      margin: 0;
    }
  `,
  template: `
    @if (lineage().edges.length === 0) {
      <p class="ds-paragraph">{{ 'learning.practices.lineageNone' | t }}</p>
    } @else {
      <p class="ds-paragraph">{{ 'learning.practices.lineageIntro' | t }}</p>
      <sp-lineage-drawing [nodes]="lineage().nodes" [edges]="lineage().edges" [label]="label()" />
      <div class="lists">
        @if (trees().origins.length > 0) {
          <section aria-labelledby="lineage-origins">
            <h3 class="ds-heading" data-size="2xs" id="lineage-origins">{{ 'learning.practices.lineageOrigins' | t }}</h3>
            <ng-container [ngTemplateOutlet]="branches" [ngTemplateOutletContext]="{ $implicit: trees().origins }" />
          </section>
        }
        @if (trees().spread.length > 0) {
          <section aria-labelledby="lineage-spread">
            <h3 class="ds-heading" data-size="2xs" id="lineage-spread">{{ 'learning.practices.lineageSpread' | t }}</h3>
            <ng-container [ngTemplateOutlet]="branches" [ngTemplateOutletContext]="{ $implicit: trees().spread }" />
          </section>
        }
      </div>
    }
    <ng-template #branches let-list>
      <ul>
        @for (branch of list; track branch.node.id) {
          <li>
            <a class="ds-link" [routerLink]="['/practices', branch.node.id]">{{ branch.node.title }}</a>
            ({{ branch.node.organization.name }})
            @if (branch.children.length > 0) {
              <ng-container [ngTemplateOutlet]="branches" [ngTemplateOutletContext]="{ $implicit: branch.children }" />
            }
          </li>
        }
      </ul>
    </ng-template>
  `,
})
export class LineageView {
  private readonly i18n = inject(I18n);

  readonly lineage = input.required<Lineage>();

  protected readonly trees = computed(() => lineageTrees(this.lineage().nodes, this.lineage().edges));
  protected readonly label = computed(() =>
    this.i18n.t('learning.practices.lineageDrawing', {
      title: this.trees().root?.title ?? '',
      count: this.i18n.formatNumber(this.lineage().nodes.length),
    }),
  );
}
