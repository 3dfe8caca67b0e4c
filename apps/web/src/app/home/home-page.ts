import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Auth } from '../core/auth/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DashboardLinks } from '../dashboard/dashboard-links';
import { DueFollowUps } from '../follow-ups/due-follow-ups';

@Component({
  selector: 'sp-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DashboardLinks, DueFollowUps, RouterLink, TranslatePipe],
  styles: `
    .home {
      display: grid;
      gap: var(--ds-size-5);
      max-width: 44rem;
    }
    .questions {
      display: grid;
      gap: var(--ds-size-3);
      padding: var(--ds-size-6);
      border-radius: var(--ds-border-radius-lg);
      background: var(--ds-color-accent-background-tinted);
    }
  `,
  template: `
    <div class="home">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'home.greeting' | t: { name: firstName() } }}</h1>
      <p class="ds-paragraph" data-size="lg">{{ 'home.intro' | t }}</p>
      <sp-dashboard-links />
      @if (isLeader()) {
        <section class="follow-ups" aria-labelledby="follow-ups-heading">
          <sp-due-follow-ups />
        </section>
      }
      <section class="questions" aria-labelledby="questions-heading">
        <h2 class="ds-heading" data-size="sm" id="questions-heading">{{ 'home.questionsHeading' | t }}</h2>
        <p class="ds-paragraph">{{ 'home.questionsIntro' | t }}</p>
        <ol class="ds-list">
          <li>{{ 'home.theyLearnFromUs' | t }}</li>
          <li>{{ 'home.weLearnFromThem' | t }}</li>
          <li>{{ 'home.doTogether' | t }}</li>
        </ol>
        <p class="ds-paragraph">{{ 'home.outro' | t }}</p>
      </section>
      <p class="ds-paragraph">
        <a class="ds-link" routerLink="/organizations">{{ 'home.organizationsLink' | t }}</a>
      </p>
    </div>
  `,
})
export class HomePage {
  private readonly user = inject(Auth).user;
  protected readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');
  /** Leaders answer whether their organisation's established practices still hold. */
  protected readonly isLeader = computed(() => this.user()?.role === 'leader' && !!this.user()?.organization);
}
