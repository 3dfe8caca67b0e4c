import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Auth } from '../auth/auth';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/translate-pipe';
import { LanguageChoice } from './language-choice';
import { SiteFooter } from './site-footer';
import { SkipLink } from './skip-link';
import { NotificationBell } from '../../talk/notification-bell';
import { NotificationCenter } from '../../talk/notification-center';

/** The frame around every signed-in page. */
@Component({
  selector: 'sp-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, LanguageChoice, SkipLink, SiteFooter, NotificationBell],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  host: { '(keydown.escape)': 'closeMenu()' },
})
export class Shell {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly user = this.auth.user;
  protected readonly role = computed(() => {
    const user = this.user();
    return user ? this.i18n.t(`roles.${user.role}`) : '';
  });
  protected readonly signingOut = signal(false);
  protected readonly canManagePeople = computed(() => this.auth.user() !== null && this.auth.can('users:read'));
  protected readonly canReadAudit = computed(() => this.auth.user() !== null && this.auth.can('audit:read'));
  /** Only narrow screens (below 48rem) fold the menu (see shell.css); wider ones show it whatever this says. */
  protected readonly menuOpen = signal(false);
  private readonly menuButton = viewChild.required<ElementRef<HTMLButtonElement>>('menuButton');

  constructor() {
    const navigations = this.router.events.subscribe((event) => {
      if (event instanceof NavigationEnd) this.menuOpen.set(false);
    });
    inject(DestroyRef).onDestroy(() => navigations.unsubscribe());
    // Notifications arrive live while someone is signed in (issue 12).
    const notifications = inject(NotificationCenter);
    effect(() => (this.auth.signedIn() ? notifications.start() : notifications.stop()));
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  /** Escape folds the menu and returns focus to its button, so the keyboard is never left inside a hidden list. */
  protected closeMenu(): void {
    if (!this.menuOpen()) return;
    this.menuOpen.set(false);
    this.menuButton().nativeElement.focus();
  }

  protected signOut(): void {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    this.auth.logout().subscribe(() => {
      this.signingOut.set(false);
      void this.router.navigateByUrl('/sign-in');
    });
  }
}
