import { DOCUMENT, EnvironmentInjector, Injectable, afterNextRender, inject } from '@angular/core';
import { NavigationEnd, NavigationStart, Router } from '@angular/router';
import { filter, skip } from 'rxjs';

/**
 * After each in-app navigation, moves focus to the new page's heading (or to
 * main), so keyboard and screen-reader users start at the new content and
 * hear its name. A page still fetching has no heading yet: focus waits on
 * main and moves on to the heading when it appears (unless the person has
 * moved on). The first page load keeps the browser's own focus.
 */
@Injectable({ providedIn: 'root' })
export class RouteFocus {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(EnvironmentInjector);
  private readonly router = inject(Router);
  private waiting: MutationObserver | null = null;

  start(): void {
    this.router.events.pipe(filter((event) => event instanceof NavigationStart)).subscribe(() => this.stopWaiting());
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
      )
      .subscribe(() => afterNextRender({ read: () => this.focusMain() }, { injector: this.injector }));
  }

  focusMain(): void {
    const main = this.document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!main || !target) return;
    focus(target);
    if (target === main) this.waitForHeading(main);
  }

  private waitForHeading(main: HTMLElement): void {
    this.stopWaiting();
    const observer = new MutationObserver(() => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (this.document.activeElement !== main) this.stopWaiting();
      else if (heading) {
        this.stopWaiting();
        focus(heading);
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    this.waiting = observer;
  }

  private stopWaiting(): void {
    this.waiting?.disconnect();
    this.waiting = null;
  }
}

function focus(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}
