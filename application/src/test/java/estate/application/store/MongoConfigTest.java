package estate.application.store;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded read store's settings are checked before anything is opened. */
class MongoConfigTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(ints = {0, -16, 1025, 4096})
    void anEarlyCommitSizeOutsideOneToAGigabyteIsRefused(int megabytes) {
        assertThatThrownBy(() -> new MongoConfig().embeddedMongo("", 0, "file", dataDir, 64, 1000, megabytes, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estate.mongo.embedded-commit-at-mb must be from 1 to 1024, not " + megabytes);
        assertThat(dataDir.resolve(MongoConfig.READ_STORE_FILE)).doesNotExist();
    }
}
