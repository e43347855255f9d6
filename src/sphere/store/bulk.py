"""Set-wise writes and lookups that are fast on both databases.

On PostgreSQL, rows are sent with COPY in the ingest's own transaction (an executemany would be one
round of protocol per row), and lookups of many values bind one array (`= ANY(:values)`) instead of
thousands of parameters. On SQLite, executemany and IN are already fast.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ARRAY, ColumnElement, Table, any_, bindparam, insert
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    driver = connection.connection.driver_connection
    assert driver is not None  # None only once the connection is closed or invalidated, never mid-transaction
    cursor = driver.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def in_values(session: Session, column: ColumnElement, values: Iterable) -> ColumnElement[bool]:
    """`column IN values`, bound as one array on PostgreSQL."""
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)
