package org.cocommission.platform;

import java.nio.file.Path;

/** A process that starts the embedded server on a data directory, says so, and runs until it is killed. */
final class ServerUntilKilled {

	private ServerUntilKilled() {
	}

	public static void main(String[] args) throws InterruptedException {
		var server = EmbeddedPostgresServer.startedIn(Path.of(args[0]));
		System.out.println("ready " + server.getPort());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}
}
