import { buildDigests, DIGEST_ITEMS_MAX, type DigestContents, type DigestLinks, type DigestNotification } from './digest-builder';

const links: DigestLinks = {
  url: (path) => `https://samspill.test${path}`,
  unsubscribe: (userId) => ({
    page: `https://samspill.test/unsubscribe?token=${userId}`,
    headers: { 'List-Unsubscribe': `<https://samspill.test/api/unsubscribe?token=${userId}>` },
  }),
};

const person = (id: string, organizationId: string | null, locale = 'nb') => ({
  id,
  email: `${id}@example.no`,
  name: `Person ${id}`,
  locale,
  organizationId,
});
const adoption = (userId: string, total: number, title = 'Lean i Gran'): DigestNotification => ({
  userId,
  kind: 'adoption',
  data: { organization: 'Lunner kommune', title },
  link: '/practices/p1',
  total,
});
const empty: DigestContents = { people: [], notifications: [], lessons: [], questions: [] };

describe('buildDigests', () => {
  it('lists each person’s notifications and their organisation’s partnership news, in their language', () => {
    const [ola, kari] = buildDigests(
      {
        people: [person('ola', 'gran'), person('kari', 'roskilde', 'en')],
        notifications: [adoption('ola', 1)],
        lessons: [{ organizationId: 'gran', projectId: 'pr1', title: 'Tavlemøter', text: 'Korte møter virker.' }],
        questions: [{ organizationId: 'roskilde', id: 'c1', partnershipId: 'pa1', name: 'Roskildes lean-netværk', text: 'How?' }],
      },
      'daily',
      links,
    );
    expect(ola?.items).toBe(2);
    expect(ola?.mail?.to).toBe('ola@example.no');
    expect(ola?.mail?.subject).toBe('Dette skjedde i Samspill i går');
    expect(ola?.mail?.text).toContain('Lunner kommune har tatt i bruk «Lean i Gran».');
    expect(ola?.mail?.text).toContain('Ny lærdom i «Tavlemøter»: «Korte møter virker.»\n  https://samspill.test/projects/pr1');
    expect(ola?.mail?.text).not.toContain('Roskildes');
    expect(ola?.mail?.headers).toEqual({ 'List-Unsubscribe': '<https://samspill.test/api/unsubscribe?token=ola>' });
    expect(kari?.items).toBe(1);
    expect(kari?.mail?.subject).toBe('What happened in Samspill yesterday');
    expect(kari?.mail?.text).toContain(
      'Unanswered question from the floor in “Roskildes lean-netværk”: “How?”\n  https://samspill.test/partnerships/pa1#comment-c1',
    );
    expect(kari?.mail?.html).toContain('<html lang="en">');
  });

  it('shares an organisation’s news among its people without mixing their notifications', () => {
    const digests = [
      ...buildDigests(
        {
          ...empty,
          people: [person('a', 'gran'), person('b', 'gran')],
          notifications: [adoption('b', 1, 'Bare for B')],
          lessons: [{ organizationId: 'gran', projectId: 'pr1', title: 'Felles', text: 'For alle.' }],
        },
        'weekly',
        links,
      ),
    ];
    expect(digests.map((d) => [d.userId, d.items])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(digests[0]?.mail?.text).toContain('Felles');
    expect(digests[0]?.mail?.text).not.toContain('Bare for B');
    expect(digests[1]?.mail?.text).toContain('Bare for B');
    expect(digests[1]?.mail?.subject).toBe('Dette skjedde i Samspill forrige uke');
  });

  it('builds no mail for someone with nothing to read, nor partnership news for someone without an organisation', () => {
    const [admin, quiet] = buildDigests(
      {
        ...empty,
        people: [person('admin', null), person('quiet', 'hogskolen')],
        lessons: [{ organizationId: 'gran', projectId: 'pr1', title: 'Tavlemøter', text: 'Korte møter virker.' }],
      },
      'daily',
      links,
    );
    expect(admin).toEqual({ userId: 'admin', items: 0, mail: null });
    expect(quiet).toEqual({ userId: 'quiet', items: 0, mail: null });
  });

  it('lists at most DIGEST_ITEMS_MAX notifications and counts the rest', () => {
    const many = Array.from({ length: DIGEST_ITEMS_MAX + 3 }, (_, i) => adoption('ola', 40, `Praksis ${i}`));
    const [ola] = buildDigests({ ...empty, people: [person('ola', 'gran')], notifications: many }, 'daily', links);
    expect(ola?.items).toBe(40);
    expect(ola?.mail?.text).toContain(`Praksis ${DIGEST_ITEMS_MAX - 1}»`);
    expect(ola?.mail?.text).not.toContain(`Praksis ${DIGEST_ITEMS_MAX}»`);
    expect(ola?.mail?.text).toContain(`… og ${40 - DIGEST_ITEMS_MAX} til.`);
  });

  it('escapes what people wrote in the HTML part', () => {
    const [ola] = buildDigests(
      {
        ...empty,
        people: [person('ola', 'gran')],
        lessons: [{ organizationId: 'gran', projectId: 'pr1', title: '<script>', text: 'a & b' }],
      },
      'daily',
      links,
    );
    expect(ola?.mail?.html).toContain('&lt;script&gt;');
    expect(ola?.mail?.html).not.toContain('<script>');
  });
});
