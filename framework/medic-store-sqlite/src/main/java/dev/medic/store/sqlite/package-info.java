/**
 * The embedded default history store: Medic's history in one SQLite file on the host.
 *
 * <p>{@link dev.medic.store.sqlite.SqliteStore} and {@link dev.medic.store.sqlite.StoreException}
 * are the whole public surface; everything under {@code internal} (schema, migrations, SQL, row
 * mapping) may change between versions.
 */
package dev.medic.store.sqlite;
