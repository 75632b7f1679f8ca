package org.cocommission.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by a process that died without stopping it (kill -9, a
 * crash): the server outlives the JVM that started it, holds the directory's lock, and a new server cannot start
 * there. Before starting, such a server is stopped, but only when its postmaster.pid names a live postgres process
 * of this very directory, so that a reused process id or another installation is never touched.
 */
final class StaleServer {

	private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private StaleServer() {
	}

	/** Stops the server left running in {@code dataDirectory} (PostgreSQL's own data directory), if there is one. */
	static void stopIfRunning(Path dataDirectory) {
		Optional<ProcessHandle> stale = find(dataDirectory);
		if (stale.isEmpty()) {
			return;
		}
		ProcessHandle server = stale.get();
		log.warn("Stopping the PostgreSQL server (process {}) left running in {} by a process that ended without"
				+ " stopping it", server.pid(), dataDirectory);
		// SIGTERM: PostgreSQL's smart shutdown; the dead process's connections are gone, so it stops at once.
		server.destroy();
		try {
			server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new IllegalStateException("The PostgreSQL server (process " + server.pid()
					+ ") left running in " + dataDirectory + " did not stop within " + STOP_WAIT.toSeconds()
					+ " s; stop it and start again", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping a stale PostgreSQL server", ex);
		}
	}

	/** The live postgres process that postmaster.pid in {@code dataDirectory} names, if it serves that directory. */
	static Optional<ProcessHandle> find(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		List<String> lines;
		try {
			lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		// postmaster.pid: the process id on the first line, the data directory on the second.
		if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		if (pid == ProcessHandle.current().pid() || !sameDirectory(Path.of(lines.get(1).trim()), dataDirectory)) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(StaleServer::isPostgres);
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> Path.of(command).getFileName().toString())
			.filter(name -> name.equals("postgres") || name.equals("postmaster"))
			.isPresent();
	}

	private static boolean sameDirectory(Path named, Path ours) {
		try {
			return Files.exists(named) && Files.isSameFile(named, ours);
		}
		catch (IOException ex) {
			return false;
		}
	}
}
