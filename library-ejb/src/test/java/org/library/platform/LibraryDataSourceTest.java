package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryDataSourceTest {

    private static final ClassLoader APPLICATION = LibraryDataSource.class.getClassLoader();

    @AfterEach
    void forgetTheSettings() {
        System.clearProperty("library.db.url");
        System.clearProperty("library.db.user");
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:derby:library;create=true, org.apache.derby.iapi.jdbc.AutoloadedDriver",
            "jdbc:derby://db.example.org:1527/library;create=true, org.apache.derby.client.ClientAutoloadedDriver",
            "jdbc:postgresql://db.example.org:5432/library, org.postgresql.Driver",
    })
    void eachSupportedUrlFindsTheDriverTheApplicationShips(String url, String driverClass) throws SQLException {
        assertThat(LibraryDataSource.driverFor(url, APPLICATION).getClass().getName()).isEqualTo(driverClass);
    }

    @Test
    void anUnsupportedUrlIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> LibraryDataSource.driverFor("jdbc:oracle:thin:@db:1521/library", APPLICATION))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("library.db.url")
                .hasMessageContaining("jdbc:oracle:thin:@db:1521/library");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/library?user=u&password=secret | jdbc:postgresql://db:5432/library…",
            "jdbc:derby://db:1527/library;user=u;password=secret       | jdbc:derby://db:1527/library…",
            "jdbc:postgresql://db:5432/library                         | jdbc:postgresql://db:5432/library",
    })
    void logsAndMessagesShowTheUrlWithoutItsParametersWhichMayHoldAPassword(String url, String shown) {
        assertThat(LibraryDataSource.redacted(url)).isEqualTo(shown).doesNotContain("secret");
    }

    @Test
    void connectsToTheDatabaseTheSettingNames() throws SQLException {
        System.setProperty("library.db.url", "jdbc:derby:memory:library-data-source-test;create=true");

        try (Connection connection = new LibraryDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("VALUES 42")) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:derby:memory:library-data-source-test");
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aPoolAskingWithEmptyCredentialsGetsTheConfiguredOnes() throws SQLException {
        System.setProperty("library.db.url", "jdbc:derby:memory:library-data-source-test;create=true");
        System.setProperty("library.db.user", "librarian");

        try (Connection connection = new LibraryDataSource().getConnection("", "")) {
            assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("librarian");
        }
    }

    @Test
    void withoutMicroProfileConfigASettingIsLookedForInTheEnvironmentAsMicroProfileConfigDoes() {
        assertThat(LibraryDataSource.environmentNames("library.db.url"))
                .containsExactly("library.db.url", "library_db_url", "LIBRARY_DB_URL");
        assertThat(LibraryDataSource.environmentNames("library.demo-data")).endsWith("LIBRARY_DEMO_DATA");
    }
}
