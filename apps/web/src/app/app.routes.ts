import { Route } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth/auth-guards';
import { pageTitle } from './core/i18n/i18n-title-strategy';

// A layout route with path '' also matches '/' when none of its children do
// (leaving its outlet empty), so each public page has its own path here.
export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    canActivate: [signedOutGuard],
    children: [
      {
        path: '',
        title: pageTitle('titles.signIn'),
        loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
      },
    ],
  },
  // --- issue 10: pages opened from a link in a mail, before the person can sign in ---
  {
    path: 'invitation/:token',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: pageTitle('invitation.title'),
        loadComponent: () => import('./invitations/accept-invitation-page').then((m) => m.AcceptInvitationPage),
      },
    ],
  },
  {
    path: 'forgot-password',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: pageTitle('passwordReset.forgotTitle'),
        loadComponent: () => import('./password-reset/forgot-password-page').then((m) => m.ForgotPasswordPage),
      },
    ],
  },
  {
    path: 'password-reset/:token',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: pageTitle('passwordReset.resetTitle'),
        loadComponent: () => import('./password-reset/reset-password-page').then((m) => m.ResetPasswordPage),
      },
    ],
  },
  // --- issue 13: pages anyone may read, signed in or not: public partnerships, open data, the accessibility statement ---
  {
    path: 'offentlig',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./public-pages/public-index-page').then((m) => m.PublicIndexPage),
      },
      {
        path: 'samarbeid/:id',
        loadComponent: () => import('./public-pages/public-partnership-page').then((m) => m.PublicPartnershipPage),
      },
      {
        path: 'data',
        loadComponent: () => import('./public-pages/open-data-page').then((m) => m.OpenDataPage),
      },
    ],
  },
  {
    path: 'tilgjengelighet',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        data: { language: 'nb' },
        loadComponent: () => import('./accessibility/accessibility-statement-page').then((m) => m.AccessibilityStatementPage),
      },
    ],
  },
  {
    path: 'accessibility',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        data: { language: 'en' },
        loadComponent: () => import('./accessibility/accessibility-statement-page').then((m) => m.AccessibilityStatementPage),
      },
    ],
  },
  // --- issue 12: a mail's unsubscribe link works without signing in ---
  {
    path: 'unsubscribe',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: pageTitle('talk.unsubscribe.title'),
        loadComponent: () => import('./talk/unsubscribe-page').then((m) => m.UnsubscribePage),
      },
    ],
  },
  {
    path: '',
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: pageTitle('titles.home'),
        loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'organizations',
        title: pageTitle('titles.organizations'),
        loadComponent: () => import('./organizations/organizations-page').then((m) => m.OrganizationsPage),
      },
      // Single sign-on (issue 15): an organisation's identity provider, for administrators
      {
        path: 'organizations/:id/sign-in',
        title: pageTitle('singleSignOn.settingsTitle'),
        loadComponent: () => import('./single-sign-on/identity-provider-page').then((m) => m.IdentityProviderPage),
      },
      {
        path: 'overview',
        title: pageTitle('overview.title'),
        loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'partnerships/:id/dashboard',
        title: pageTitle('dashboard.title'),
        loadComponent: () => import('./dashboard/partnership-dashboard-page').then((m) => m.PartnershipDashboardPage),
      },
      {
        path: 'partnerships/:id/politician',
        title: pageTitle('politician.title'),
        loadComponent: () => import('./politician/politician-page').then((m) => m.PoliticianPage),
      },
      {
        path: 'partnerships',
        loadChildren: () => import('./partnerships/partnerships.routes').then((m) => m.partnershipRoutes),
      },
      {
        path: 'projects',
        loadChildren: () => import('./projects/projects.routes').then((m) => m.projectRoutes),
      },
      // Issue 9: the lessons library and practices.
      {
        path: 'lessons',
        title: pageTitle('learning.lessons.title'),
        loadComponent: () => import('./lessons/lessons-page').then((m) => m.LessonsPage),
      },
      {
        path: 'practices',
        loadChildren: () => import('./practices/practices.routes').then((m) => m.practiceRoutes),
      },
      // --- issue 10: people, invitations, one's own profile and the audit trail ---
      {
        path: 'people',
        title: pageTitle('people.title'),
        loadComponent: () => import('./people/people-page').then((m) => m.PeoplePage),
      },
      {
        path: 'invitations',
        title: pageTitle('invitations.title'),
        loadComponent: () => import('./invitations/invitations-page').then((m) => m.InvitationsPage),
      },
      {
        path: 'profile',
        title: pageTitle('profile.title'),
        loadComponent: () => import('./profile/profile-page').then((m) => m.ProfilePage),
      },
      // Issue 12: notifications.
      {
        path: 'notifications',
        title: pageTitle('talk.notifications.title'),
        loadComponent: () => import('./talk/notifications-page').then((m) => m.NotificationsPage),
      },
      {
        path: 'audit',
        title: pageTitle('audit.title'),
        loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
      },
    ],
  },
  {
    path: '**',
    loadComponent: () => import('./core/layout/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: pageTitle('titles.notFound'),
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
