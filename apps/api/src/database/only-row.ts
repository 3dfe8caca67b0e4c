/** The row of a statement that always answers exactly one (an aggregate without GROUP BY). */
export function onlyRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('the statement answered no row');
  return row;
}
