import { HELMET_OPTIONS, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('are the headers helmet sets for Samspill, in its order and spelling', () => {
    expect(securityHeaders()).toEqual([
      [
        'Content-Security-Policy',
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;" +
          "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      ],
      ['Cross-Origin-Opener-Policy', 'same-origin'],
      ['Cross-Origin-Resource-Policy', 'same-origin'],
      ['Origin-Agent-Cluster', '?1'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
      ['X-Content-Type-Options', 'nosniff'],
      ['X-DNS-Prefetch-Control', 'off'],
      ['X-Download-Options', 'noopen'],
      ['X-Frame-Options', 'DENY'],
      ['X-Permitted-Cross-Domain-Policies', 'none'],
      ['X-XSS-Protection', '0'],
    ]);
  });

  it('refuses a CSP worked out per request', () => {
    const nonce = () => "'nonce-abc'";
    const options = { ...HELMET_OPTIONS, contentSecurityPolicy: { directives: { scriptSrc: ["'self'", nonce] } } };
    expect(() => securityHeaders(options)).toThrow(/per request/);
  });
});
