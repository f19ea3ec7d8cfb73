package org.learnbox.bridge.config;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The box's state on PostgreSQL (on a cluster) with the migrations written for H2, unchanged (a box
 * that upgrades checks every applied one against its file). H2's type words that PostgreSQL lacks
 * ({@code BLOB}, {@code CLOB}, {@code DOUBLE}) are domains of a schema of their own, on the search path
 * while the migrations run; after them each such column takes the plain type ({@code bytea},
 * {@code text}, {@code double precision}) that Hibernate reads with {@link LearnboxPostgresDialect}.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresState {
    static final String WORDS = "h2_words";

    /** Run on each of Flyway's connections to PostgreSQL: H2's type words as domains, on the search path. */
    public static final String H2_WORDS = "CREATE SCHEMA IF NOT EXISTS " + WORDS + "; "
            + domain("blob", "bytea") + domain("clob", "text") + domain("double", "double precision")
            + "SET search_path TO public, " + WORDS;

    /** Run after Flyway's migrations on PostgreSQL: each column of a type word takes PostgreSQL's own type. */
    public static final String PLAIN_TYPES = "DO $$ DECLARE c record; BEGIN"
            + " FOR c IN SELECT table_name, column_name, domain_name FROM information_schema.columns"
            + " WHERE domain_schema = '" + WORDS + "' AND table_schema = current_schema() LOOP"
            + " EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE %s', c.table_name, c.column_name,"
            + " CASE c.domain_name WHEN 'blob' THEN 'bytea' WHEN 'clob' THEN 'text' ELSE 'double precision' END);"
            + " END LOOP; END $$";

    private final boolean onPostgres;

    PostgresState(@Value("${spring.datasource.url:}") String url) {
        this.onPostgres = url.startsWith("jdbc:postgresql:");
    }

    @Bean
    FlywayConfigurationCustomizer h2WordsWhileMigrating() {
        return flyway -> {
            if (onPostgres) flyway.initSql(H2_WORDS);
        };
    }

    @Bean
    Callback plainTypesAfterMigrating() {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return onPostgres && event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try (Statement statement = context.getConnection().createStatement()) {
                    statement.execute(PLAIN_TYPES);
                } catch (SQLException e) {
                    throw new IllegalStateException("the columns of H2's types could not take PostgreSQL's: " + e.getMessage(), e);
                }
            }

            @Override
            public String getCallbackName() {
                return "plain-types-after-migrating";
            }
        };
    }

    @Bean
    HibernatePropertiesCustomizer learnboxPostgresDialect() {
        return properties -> {
            if (onPostgres) properties.put("hibernate.dialect", LearnboxPostgresDialect.class.getName());
        };
    }

    private static String domain(String name, String type) {
        return "DO $$ BEGIN CREATE DOMAIN " + WORDS + ".\"" + name + "\" AS " + type + ";"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$; ";
    }
}
