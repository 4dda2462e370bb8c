import { ANONYMOUS, SECRETARIAT, assertCanWrite, assertSignedIn, assertWriter, type Caller, type Role } from '../src/auth';
import { graphqlErrorFrom } from './errorAssertions';

const user = (role: Role, country: string | null = null): Caller => ({ kind: 'user', sub: `sub-${role}`, role, country });

describe('assertCanWrite', () => {
  it('rejects an anonymous caller with UNAUTHENTICATED', () => {
    const error = graphqlErrorFrom(() => assertCanWrite(ANONYMOUS, 'DK', 'City 1'));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('City 1');
  });

  it('rejects a member with FORBIDDEN, even for records of the member\'s own country', () => {
    const error = graphqlErrorFrom(() => assertCanWrite(user('member', 'DK'), 'DK', 'City 1'));
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Members may read but not change City 1');
  });

  it('lets an editor write a record owned by the editor\'s own country', () => {
    expect(() => assertCanWrite(user('editor', 'DK'), 'DK', 'City 1')).not.toThrow();
  });

  it('rejects an editor writing another country\'s record with FORBIDDEN', () => {
    const error = graphqlErrorFrom(() => assertCanWrite(user('editor', 'DK'), 'SE', 'City 2'));
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toContain('owned by SE');
    expect(error.message).toContain('editor for DK');
  });

  it('rejects an editor writing a SECRETARIAT-owned record with FORBIDDEN', () => {
    const error = graphqlErrorFrom(() => assertCanWrite(user('editor', 'DK'), SECRETARIAT, 'Network 1'));
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it.each(['DK', 'SE', SECRETARIAT])('lets an admin write a record owned by %s', (owner) => {
    expect(() => assertCanWrite(user('admin'), owner, 'Record')).not.toThrow();
  });
});

describe('assertSignedIn', () => {
  it('rejects an anonymous caller with UNAUTHENTICATED naming what was asked for', () => {
    const error = graphqlErrorFrom(() => assertSignedIn(ANONYMOUS, 'contact persons'));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('contact persons');
  });

  it.each<Role>(['member', 'editor', 'admin'])('lets a signed-in %s through', (role) => {
    expect(() => assertSignedIn(user(role, 'NO'), 'contact persons')).not.toThrow();
  });
});

describe('assertWriter', () => {
  it('turns away anonymous callers with UNAUTHENTICATED and members with FORBIDDEN', () => {
    expect(graphqlErrorFrom(() => assertWriter(ANONYMOUS, 'cities')).extensions.code).toBe('UNAUTHENTICATED');
    const member = graphqlErrorFrom(() => assertWriter(user('member', 'DK'), 'cities'));
    expect(member.extensions.code).toBe('FORBIDDEN');
    expect(member.message).toBe('Members may read but not change cities');
  });

  it.each<[Role, string | null]>([
    ['editor', 'FI'],
    ['admin', null],
  ])('lets an %s through, whatever the record', (role, country) => {
    expect(() => assertWriter(user(role, country), 'cities')).not.toThrow();
  });
});
