package org.learnbox.bridge.config;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.LongVarbinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * PostgreSQL with the box's large fields ({@code @Lob}) in plain {@code bytea} and {@code text}
 * columns, as the migrations make them there, read and written in one piece, where Hibernate's own
 * PostgreSQL dialect would keep them apart as large objects ({@code oid}), which a backup of the
 * tables would miss and nothing would ever remove.
 */
public class LearnboxPostgresDialect extends PostgreSQLDialect {
    @Override
    protected String columnType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case SqlTypes.BLOB -> "bytea";
            case SqlTypes.CLOB, SqlTypes.NCLOB -> "text";
            default -> super.columnType(sqlTypeCode);
        };
    }

    @Override
    public void contributeTypes(TypeContributions contributions, ServiceRegistry services) {
        super.contributeTypes(contributions, services);
        JdbcTypeRegistry types = contributions.getTypeConfiguration().getJdbcTypeRegistry();
        // Written and read in one piece (setBytes, getBytes; setString, getString), never as large objects.
        types.addDescriptor(SqlTypes.BLOB, new LongVarbinaryJdbcType(SqlTypes.LONG32VARBINARY));
        types.addDescriptor(SqlTypes.CLOB, new LongVarcharJdbcType(SqlTypes.LONG32VARCHAR));
        types.addDescriptor(SqlTypes.NCLOB, new LongVarcharJdbcType(SqlTypes.LONG32VARCHAR));
    }
}
