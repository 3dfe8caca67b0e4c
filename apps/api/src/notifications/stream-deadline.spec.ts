import { streamDeadline } from './notifications.controller';

const token = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

describe('streamDeadline', () => {
  it('ends the stream when the access token expires', () => {
    expect(streamDeadline(`Bearer ${token({ sub: 'u', exp: 1_800_000_000 })}`)).toBe(1_800_000_000_000);
  });

  it('has no deadline to read without a bearer token or an exp', () => {
    expect(streamDeadline(undefined)).toBeNull();
    expect(streamDeadline('Basic abc')).toBeNull();
    expect(streamDeadline(`Bearer ${token({ sub: 'u' })}`)).toBeNull();
    expect(streamDeadline('Bearer not-a-jwt')).toBeNull();
    expect(streamDeadline('Bearer a.%%%.c')).toBeNull();
  });
});
