package io.quotah.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link RealInfrastructure} plus the quotah realm on a real Keycloak ({@code QUOTAH_KEYCLOAK_URL} and
 * {@code QUOTAH_AUTH_CLIENT_SECRET} are set), for tests that sign users in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructureWithKeycloak.Initializer.class)
public @interface RealInfrastructureWithKeycloak {

    /** Everything {@link RealInfrastructureInitializer} sets, and Keycloak. */
    class Initializer extends RealInfrastructureInitializer {
        @Override
        protected boolean withKeycloak() {
            return true;
        }
    }
}
