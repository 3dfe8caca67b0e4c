import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/** A selector inside the component, or a function that finds the element. */
export type FocusTarget = string | (() => HTMLElement | null | undefined);

/**
 * Moves focus once Angular has drawn what a change put on screen (a form that
 * opens, an entry that arrives), so keyboard and screen-reader users follow
 * it. Call in an injection context: `private readonly focus = focusAfterRender();`
 * then `this.focus('#log-add')`.
 */
export function focusAfterRender(): (target: FocusTarget) => void {
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  return (target) =>
    afterNextRender(
      { read: () => (typeof target === 'string' ? host.querySelector<HTMLElement>(target) : target())?.focus() },
      { injector },
    );
}
