package io.quotah.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service: just the platform's auto-configuration, for its own tests. */
@SpringBootApplication
class PlatformTestApplication {
}
