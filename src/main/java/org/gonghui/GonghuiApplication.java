package org.gonghui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Gonghui (工会服务平台): one deployable modular monolith. See DESIGN.md and docs/architecture.md. */
@Modulithic(sharedModules = "shared", systemName = "Gonghui")
@SpringBootApplication
public class GonghuiApplication {

	public static void main(String[] args) {
		SpringApplication.run(GonghuiApplication.class, args);
	}
}
