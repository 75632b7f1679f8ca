package org.cocommission.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with kill -9 leaves its embedded PostgreSQL running on the data directory; the next start must
 * still come up the first time, and a process stopped normally must leave no server behind.
 */
class CrashRestartIT {

	@TempDir
	Path dataDirectory;

	@Test
	void startsFirstTimeAfterAKillAndLeavesNoServerAfterAStop() throws Exception {
		Process first = serverProcess();
		awaitReady(first);
		long orphan = postmasterPid();
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
			.as("the killed process's server keeps running, as after kill -9")
			.contains(true);

		Process second = serverProcess();
		awaitReady(second);
		long restarted = postmasterPid();
		assertThat(restarted).isNotEqualTo(orphan);
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();

		second.destroy();
		assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
		ProcessHandle.of(restarted).ifPresent(server -> server.onExit().orTimeout(30, TimeUnit.SECONDS).join());
		assertThat(ProcessHandle.of(restarted).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	private Process serverProcess() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ServerUntilKilled.class.getName(),
				dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
	}

	/** Waits for the process to say it is ready, failing with what it printed if it ends or takes over a minute. */
	private static void awaitReady(Process process) throws Exception {
		StringBuilder output = new StringBuilder();
		var ready = CompletableFuture.supplyAsync(() -> {
			try (var lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.append(line).append('\n');
					if (line.startsWith("ready ")) {
						return true;
					}
				}
				return false;
			}
			catch (IOException ex) {
				return false;
			}
		});
		assertThat(ready.get(60, TimeUnit.SECONDS)).as("started the first time:\n%s", output).isTrue();
	}

	private long postmasterPid() throws IOException {
		List<String> lines = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
		return Long.parseLong(lines.get(0).trim());
	}
}
