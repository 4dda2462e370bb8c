// A frontend team's first request: one query to the gateway answers what the membership subgraph knows.
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

test('lists Danish cities with their country and networks through the gateway', async () => {
  const res = await hub.query(`{
    cities(first: 5, filter: { country: "DK" }) {
      totalCount
      edges { node { name country { code } memberships { network { name } status } } }
    }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({
    cities: {
      totalCount: 2,
      edges: [
        { node: { name: 'Aarhus', country: { code: 'DK' }, memberships: [{ network: { name: 'Strong Cities Network' }, status: 'ACTIVE' }] } },
        {
          node: {
            name: 'Copenhagen',
            country: { code: 'DK' },
            memberships: expect.arrayContaining([
              { network: { name: 'Nordic Safe Cities' }, status: 'ACTIVE' },
              { network: { name: 'Strong Cities Network' }, status: 'ACTIVE' },
            ]),
          },
        },
      ],
    },
  });
});
