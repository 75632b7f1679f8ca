package org.cocommission;

import java.util.Arrays;
import java.util.stream.Stream;

import org.cocommission.platform.EmbeddedPostgresEarlyStart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CoCommissionApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("load")) {
			// java -jar cocommission.jar load DIR: the directory's LoadCommand loads the folder, without the demo dataset
			// and on any free port (the web server is not for use), and the process exits with its answer.
			String[] load = Stream.concat(Arrays.stream(args),
					Stream.of("--cocommission.demo=false", "--server.port=0"))
				.toArray(String[]::new);
			System.exit(SpringApplication.exit(application().run(load)));
		}
		application().run(args);
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(CoCommissionApplication.class);
		application.addListeners(new EmbeddedPostgresEarlyStart());
		return application;
	}
}
