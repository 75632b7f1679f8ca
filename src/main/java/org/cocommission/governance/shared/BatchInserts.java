package org.cocommission.governance.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows as one JDBC batch and returns their ids in order: a round trip per row is what made loading every
 * CCG's registers slow.
 */
@Component
public class BatchInserts {

	private final JdbcTemplate jdbc;

	BatchInserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// JdbcTemplate, not JdbcClient: a real JDBC batch returning each row's generated id, which JdbcClient cannot do.
	public List<Long> insert(String sql, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.batchUpdate(connection -> connection.prepareStatement(sql, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int index) throws SQLException {
						Object[] row = rows.get(index);
						for (int column = 0; column < row.length; column++) {
							statement.setObject(column + 1, row[column]);
						}
					}

					@Override
					public int getBatchSize() {
						return rows.size();
					}
				}, keys);
		return keys.getKeyList().stream().map(key -> ((Number) key.get("id")).longValue()).toList();
	}
}
