import type { FormattedExecutionResult } from 'graphql';
import { useServiceUnavailableStatus } from '../src/server/useServiceUnavailableStatus';

/** The HTTP status the plugin leaves on a response with this result (undefined: Apollo's own). */
async function statusFor(result: FormattedExecutionResult): Promise<number | undefined> {
  const listener = await useServiceUnavailableStatus().requestDidStart!({} as never);
  const response = { http: { status: undefined as number | undefined }, body: { kind: 'single', singleResult: result } };
  await listener!.willSendResponse!({ response } as never);
  return response.http.status;
}

const unavailable = (path?: string[]) => ({ message: 'The database is temporarily unavailable; try again shortly', ...(path ? { path } : {}), extensions: { code: 'SERVICE_UNAVAILABLE' } });

describe('useServiceUnavailableStatus', () => {
  it('makes a request whose whole answer is lost to SERVICE_UNAVAILABLE a 503', async () => {
    expect(await statusFor({ data: null, errors: [unavailable(['cities'])] })).toBe(503);
    expect(await statusFor({ errors: [unavailable()] })).toBe(503);
    // Nullable top-level fields: every one of them null with its error is the whole answer lost too.
    expect(await statusFor({ data: { cities: null, forums: null }, errors: [unavailable(['cities']), unavailable(['forums'])] })).toBe(503);
  });

  it('leaves a partial answer at 200', async () => {
    expect(await statusFor({ data: { cities: null, forums: [] }, errors: [unavailable(['cities'])] })).toBeUndefined();
    expect(await statusFor({ data: { city: { resources: null } }, errors: [unavailable(['city', 'resources'])] })).toBeUndefined();
  });

  it('leaves the status alone when another error shares the loss (retrying alone would not fix it)', async () => {
    const badInput = { message: 'first: at most 100', path: ['forums'], extensions: { code: 'BAD_USER_INPUT' } };
    expect(await statusFor({ data: null, errors: [unavailable(['cities']), badInput] })).toBeUndefined();
    expect(await statusFor({ data: { cities: [] } })).toBeUndefined();
  });
});
