import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { isPostgres } from './dialect';

/** Where an argument goes in a precompiled query: `arg(0)` is the first argument of the call. */
class Argument {
  constructor(readonly index: number) {}
}

/**
 * A placeholder for the call's `index`-th argument, typed as the column's value so that the builder
 * accepts it. Only for `precompiled` queries.
 */
export const arg = <T>(index: number): T => new Argument(index) as unknown as T;

/**
 * A query built and compiled once per engine, then run with new arguments: Kysely otherwise builds
 * an immutable tree, runs the plugins over it and compiles it to SQL on every call, which showed in
 * the step's profile (docs/benchmarks.md, issue 18). `build` places `arg(i)` where the i-th argument
 * goes; its shape must not depend on the arguments (they are not known when it runs). Written
 * `precompiled<[id: number]>()((db) => …)`: the arguments are named, the row type is the query's.
 */
export function precompiled<Args extends readonly unknown[]>() {
  return <Row>(
    build: (db: Kysely<any>) => Compilable<Row>,
  ): ((db: Pick<Kysely<any>, 'executeQuery' | 'getExecutor'>, ...args: Args) => Promise<QueryResult<Row>>) => {
    // One SQL text per engine; a process talks to one, but tests and db:copy hold both.
    const compiled: { sqlite?: CompiledQuery<Row>; postgres?: CompiledQuery<Row> } = {};
    return (db, ...args) => {
      const engine = isPostgres(db) ? 'postgres' : 'sqlite';
      const query = (compiled[engine] ??= compileOnce(build(db as Kysely<any>)));
      const parameters = query.parameters.map((p) => (p instanceof Argument ? args[p.index] : p));
      return db.executeQuery<Row>({ ...query, parameters });
    };
  };
}

function compileOnce<Row>(query: Compilable<Row>): CompiledQuery<Row> {
  const compiled = query.compile();
  if (!compiled.parameters.some((p) => p instanceof Argument))
    throw new Error('precompiled: the query takes no arguments (arg(i) missing)');
  return compiled;
}
