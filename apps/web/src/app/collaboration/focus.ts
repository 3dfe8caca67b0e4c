import { Injector, afterNextRender } from '@angular/core';

/**
 * After navigation RouteFocus moves focus to the page's h1, or to main when
 * the page is still fetching and has none yet. Once the h1 is there, focus
 * moves on to it, so the person still starts at the page's name.
 */
export function focusHeadingOnceLoaded(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    {
      read: () => {
        if (host.ownerDocument.activeElement?.id === 'main') host.querySelector<HTMLElement>('h1')?.focus();
      },
    },
    { injector },
  );
}
