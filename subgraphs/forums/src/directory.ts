import { invalid, type PeerRequest, type PeerSubgraph } from '@nsc-hub/shared';

/** The subgraphs forums asks before it writes a reference to a record they own. */
export interface Peers {
  readonly membership: PeerSubgraph;
  readonly knowledge: PeerSubgraph;
}

/**
 * Checks references against the subgraphs that own them, before any write: a city or country the
 * membership subgraph does not have, or a resource knowledge does not have, is the client's
 * mistake (BAD_USER_INPUT naming the field); a peer that cannot answer is SUBGRAPH_UNAVAILABLE.
 */
export class Directory {
  constructor(
    private readonly peers: Peers,
    /** The request the checks are for: its id goes to the peer, its log gets any failure. */
    private readonly request: PeerRequest,
  ) {}

  /** The country code of a hub city. */
  async countryOfCity(cityId: string, field: string): Promise<string> {
    const [city] = await this.peers.membership.entities<{ id: string; country: { code: string } }>(
      [{ __typename: 'City', id: cityId }],
      '... on City { id country { code } }',
      this.request,
    );
    if (!city) throw invalid(field, `no city with id "${cityId}"`);
    return city.country.code;
  }

  async assertCountry(code: string, field: string): Promise<void> {
    const [country] = await this.peers.membership.entities<{ code: string }>([{ __typename: 'Country', code }], '... on Country { code }', this.request);
    if (!country) throw invalid(field, `no country with code "${code}" in the hub`);
  }

  async assertResources(ids: readonly string[], field: string): Promise<void> {
    const found = await this.peers.knowledge.entities<{ id: string }>(
      ids.map((id) => ({ __typename: 'Resource', id })),
      '... on Resource { id }',
      this.request,
    );
    const unknown = ids.filter((_id, i) => !found[i]);
    if (unknown.length) throw invalid(field, `no resource with id ${unknown.map((id) => `"${id}"`).join(', ')}`);
  }

  /**
   * The city and country of an event or participation: the city's country is looked up; a
   * country given as well must be that one.
   */
  async place(cityId: string | null | undefined, country: string | null | undefined, fields: { city: string; country: string }): Promise<{ cityId?: string | null; countryCode?: string | null }> {
    if (cityId) {
      const cityCountry = await this.countryOfCity(cityId, fields.city);
      if (country && country !== cityCountry) throw invalid(fields.country, `must be ${cityCountry}, the country of city "${cityId}"`);
      return { cityId, countryCode: cityCountry };
    }
    if (country) await this.assertCountry(country, fields.country);
    return { ...(cityId !== undefined ? { cityId } : {}), ...(country !== undefined ? { countryCode: country } : {}) };
  }
}
