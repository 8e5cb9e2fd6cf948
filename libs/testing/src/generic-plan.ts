import { DataSource } from 'typeorm';

/**
 * The plan Postgres keeps for a statement once it runs prepared (as the services' statement cache runs the
 * repeated ones): the generic plan, made without seeing the parameters. A plan that is fine for the values of one
 * call can be a scan of the whole table when the planner cannot see them, and that only shows at volume.
 * `params` are the values the statement was called with, written into EXECUTE as literals.
 */
export async function genericPlanOf(
  dataSource: DataSource,
  text: string,
  params: unknown[],
): Promise<string> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET plan_cache_mode = force_generic_plan');
    await runner.query(`PREPARE generic_plan_probe AS ${text}`);
    const rows: { 'QUERY PLAN': string }[] = await runner.query(
      `EXPLAIN EXECUTE generic_plan_probe(${params.map(sqlLiteral).join(', ')})`,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    // Only its own statement: the connection goes back to the pool, and the statement cache's prepared
    // statements on it must stay where pg believes they are.
    await runner.query('DEALLOCATE generic_plan_probe').catch(() => undefined);
    await runner.query('RESET plan_cache_mode').catch(() => undefined);
    await runner.release();
  }
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return `'${textOf(value).replace(/'/g, "''")}'`;
}

/** Postgres's text form: arrays as {"a","b"}, times as ISO 8601. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) {
    return `{${value.map((v) => (v === null ? 'NULL' : `"${textOf(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
  }
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
