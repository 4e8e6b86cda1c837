import { PrismaPg } from "@prisma/adapter-pg";

type PgDriverAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgDriverAdapter["startTransaction"]>>;

/**
 * Prisma's pg driver adapter, except that a transaction sends its queries to
 * its connection one at a time.
 *
 * A transaction holds one pg client, and Prisma 7's query interpreter sends
 * the parts of one query at once (the relations it loads, the terms of a sum
 * or a concatenation): a `Promise.all` over that client. pg 8 queues them but
 * warns "Calling client.query() when the client is already executing a query
 * is deprecated and will be removed in pg@9.0"; pg 9 refuses them. Until
 * @prisma/adapter-pg queues them itself (prisma/orm#29979, still open at
 * 7.10.1), we do. Queries outside a transaction go to the pool, one client each.
 */
export class PrismaPgOneQueryAtATime extends PrismaPg {
  override async connect(): Promise<PgDriverAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneQueryAtATime(await startTransaction(isolationLevel));
    return adapter;
  }
}

function oneQueryAtATime(transaction: PgTransaction): PgTransaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn =
    <Query, Result>(send: (query: Query) => Promise<Result>) =>
    (query: Query): Promise<Result> => {
      const turn = previous.then(() => send(query));
      previous = turn.catch(() => {}); // a failed query does not hold up the next (PostgreSQL refuses it anyway)
      return turn;
    };
  // Own properties shadow the class's methods, so its savepoint methods, which call this.executeRaw, wait their turn too.
  transaction.queryRaw = inTurn(transaction.queryRaw.bind(transaction));
  transaction.executeRaw = inTurn(transaction.executeRaw.bind(transaction));
  return transaction;
}
