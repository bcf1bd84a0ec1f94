"""Alembic environment: always run in-process on a connection handed over by lib.storage.migrate."""

from alembic import context

from lib.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite can't ALTER most things in place
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
