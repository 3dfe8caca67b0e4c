import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Comment, Role } from '@samspill/contracts';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../core/auth/auth';
import { I18n } from '../core/i18n/i18n';

/** Test helpers for the talk components (kept out of the app build by the `*.testing.ts` pattern in tsconfig.app.json): a signed-in person, and comments as the API answers them. */
export async function setUpTalk(role: Role = 'staff', id = 'u1', providers: Provider[] = []): Promise<HttpTestingController> {
  localStorage.clear();
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), ...providers] });
  await TestBed.inject(I18n).ready;
  await firstValueFrom(
    TestBed.inject(Auth).adopt({
      accessToken: 'token',
      expiresIn: 900,
      user: {
        id,
        email: 'kari@gran.kommune.no',
        name: 'Kari Nordmann',
        role,
        organization: { id: 'o1', name: 'Gran kommune', kind: 'municipality' },
        locale: 'nb',
      },
    }),
  );
  return TestBed.inject(HttpTestingController);
}

let minute = 0;
export function aComment(id: string, changes: Partial<Comment> = {}): Comment {
  minute += 1;
  return {
    id,
    text: `Tekst ${id}`,
    parentId: null,
    author: { id: 'u2', name: 'Lise Leder' },
    organization: { id: 'o2', name: 'Lunner kommune' },
    mentions: [],
    createdAt: `2026-11-20T09:${String(minute % 60).padStart(2, '0')}:00.000Z`,
    editedAt: null,
    deleted: false,
    fromFloor: false,
    ...changes,
  };
}

/** The text a person sees, with runs of white space as one. */
export function visibleText(element: Element | null | undefined): string {
  if (!element) throw new Error('nothing to read: the element is not there');
  return element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function button(element: Element | null, name: string | RegExp): HTMLButtonElement {
  if (!element) throw new Error(`no element to find the button ${String(name)} in`);
  const found = Array.from(element.querySelectorAll('button')).find((b) =>
    typeof name === 'string' ? visibleText(b) === name : name.test(visibleText(b)),
  );
  if (!found) throw new Error(`no button ${String(name)}`);
  return found;
}

/** The element the selector names, or a failure that says which one was missing. */
export function find<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
