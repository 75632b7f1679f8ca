package org.cocommission.directory;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Transactions with no database: what they synchronise (after-commit listeners, the read-only flag a read sees) is
 * real, and the transactions begun are counted.
 */
public class NoDatabaseTransactions extends AbstractPlatformTransactionManager {

	private final AtomicInteger begun = new AtomicInteger();

	/** How many transactions have begun (joining one begins none). */
	public int begun() {
		return begun.get();
	}

	@Override
	protected Object doGetTransaction() {
		return new Object();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		begun.incrementAndGet();
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
	}
}
