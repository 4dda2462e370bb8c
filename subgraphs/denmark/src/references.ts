/** A cooperation model of the membership subgraph, known here by its id alone. */
export interface CooperationModelReference {
  readonly __typename?: 'CooperationModel';
  readonly id: string;
}
