/** One example question of the explorer's menu, from `operations/examples/`. */
export interface ExplorerExample {
  /** The operation's name (`MembershipsByCountryAndNetwork`). */
  readonly name: string;
  /** The question it answers, in the analyst's words. */
  readonly question: string;
  /** The whole `.graphql` file, comment included. */
  readonly query: string;
}
