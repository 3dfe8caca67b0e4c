import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '../i18n/translate-pipe';
import { RouteFocus } from './route-focus';

/** The first stop for keyboard users on every page. */
@Component({
  selector: 'sp-skip-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<a class="ds-skip-link" href="#main" (click)="skip($event)">{{ 'shell.skipToMain' | t }}</a>`,
})
export class SkipLink {
  private readonly routeFocus = inject(RouteFocus);

  /** A bare "#main" would resolve against <base href> and leave the page. */
  protected skip(event: Event): void {
    event.preventDefault();
    this.routeFocus.focusMain();
  }
}
