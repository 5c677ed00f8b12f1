package estate.application.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * One application context shared by every test class that extends this one. Tests make their own units and
 * accounts, so they do not see each other.
 */
public abstract class ApplicationTest extends AbstractApiTest {

    private static final Path DATA = TestStores.newDataDir();

    @DynamicPropertySource
    static void sharedStores(DynamicPropertyRegistry registry) {
        isolatedStores(registry, DATA);
    }
}
