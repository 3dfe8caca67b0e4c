import { emailDomainOf, emailIsVerified, EMAIL_DOMAIN_PATTERN, issuerProblem, scopesToRequest } from './single-sign-on';

describe('issuerProblem', () => {
  it.each([
    'https://login.microsoftonline.com/3f1c1a6e-0000-4000-8000-000000000000/v2.0',
    'https://ansattporten.no',
    'http://localhost:4455',
    'http://127.0.0.1:9000/realms/test',
  ])('accepts %s', (issuer) => {
    expect(issuerProblem(issuer)).toBeNull();
  });

  it.each([
    ['http://idp.gran.kommune.no', 'NOT_HTTPS'],
    ['http://localhost.evil.example', 'NOT_HTTPS'],
    ['ftp://localhost', 'NOT_HTTPS'],
    ['javascript:alert(1)', 'NOT_HTTPS'],
    ['not a url', 'NOT_A_URL'],
    ['https://user:pass@idp.example', 'NOT_A_URL'],
    ['https://idp.example/?tenant=1', 'HAS_QUERY'],
    ['https://idp.example/#x', 'HAS_QUERY'],
  ])('refuses %s as %s', (issuer, problem) => {
    expect(issuerProblem(issuer)).toBe(problem);
  });
});

describe('emailDomainOf', () => {
  it('takes what follows the last @, in lower case', () => {
    expect(emailDomainOf('Kari.Nordmann@Gran.Kommune.NO')).toBe('gran.kommune.no');
    expect(emailDomainOf('"a@b"@lunner.kommune.no')).toBe('lunner.kommune.no');
  });

  it('is null without a domain or a local part', () => {
    expect(emailDomainOf('kari')).toBeNull();
    expect(emailDomainOf('kari@')).toBeNull();
    expect(emailDomainOf('@gran.kommune.no')).toBeNull();
  });
});

describe('EMAIL_DOMAIN_PATTERN', () => {
  it('takes bare domains and nothing else', () => {
    expect(EMAIL_DOMAIN_PATTERN.test('gran.kommune.no')).toBe(true);
    expect(EMAIL_DOMAIN_PATTERN.test('nav.no')).toBe(true);
    for (const bad of ['localhost', '*.kommune.no', 'gran.kommune.no.', '-gran.no', 'gran..no', 'Gran.no', 'gran.no/x', '@gran.no']) {
      expect(EMAIL_DOMAIN_PATTERN.test(bad)).toBe(false);
    }
  });
});

describe('emailIsVerified', () => {
  it('needs the provider to say so', () => {
    expect(emailIsVerified({ email_verified: true })).toBe(true);
    expect(emailIsVerified({ email_verified: 'true' })).toBe(true);
    expect(emailIsVerified({ xms_edov: true })).toBe(true);
    expect(emailIsVerified({})).toBe(false);
    expect(emailIsVerified({ email_verified: false })).toBe(false);
    expect(emailIsVerified({ email_verified: 'yes', xms_edov: 'true' })).toBe(false);
  });
});

describe('scopesToRequest', () => {
  it('always asks for openid, email and profile, each once', () => {
    expect(scopesToRequest(['email', 'offline_access'])).toEqual(['openid', 'email', 'profile', 'offline_access']);
  });
});
