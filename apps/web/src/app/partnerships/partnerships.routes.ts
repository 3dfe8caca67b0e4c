import { inject } from '@angular/core';
import { type Route, Router } from '@angular/router';
import { pageTitle } from '../core/i18n/i18n-title-strategy';

export const partnershipRoutes: Route[] = [
  {
    path: '',
    title: pageTitle('partnerships.title'),
    loadComponent: () => import('./partnerships-page').then((m) => m.PartnershipsPage),
  },
  {
    path: ':id',
    title: pageTitle('partnerships.pageTitle'),
    loadComponent: () => import('./partnership-page').then((m) => m.PartnershipPage),
  },
  {
    path: ':id/questions',
    title: pageTitle('questions.title'),
    loadComponent: () => import('../reciprocal-questions/questions-page').then((m) => m.QuestionsPage),
  },
  {
    // The board is one page; a partnership's board is the board filtered to it.
    path: ':id/projects',
    redirectTo: ({ params }) => inject(Router).createUrlTree(['/projects'], { queryParams: { partnershipId: params['id'] } }),
  },
];
