package io.quotah.auth;

import io.quotah.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void depends_on_no_other_service_and_its_features_form_no_cycles() {
        ServiceArchitecture.check("auth");
    }
}
