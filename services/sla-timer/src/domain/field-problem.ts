/** A rule a submitted document breaks, at a field path such as `policies[1].targets[0].amount`. */
export interface FieldProblem {
  field: string;
  message: string;
}
