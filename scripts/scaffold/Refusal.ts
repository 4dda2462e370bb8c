/** Why the scaffold will not do what it was asked: printed as one line, and nothing is written. */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}
