"""bench/seed_scale.py asks for a database, keeps SQLite to tiny runs, and leaves a database
that already holds portal data alone."""

import pytest

from bench.scale.generate import holds_portal_data
from bench.seed_scale import parse_args
from tests.bench.scale import seed_tiny


def test_a_database_url_is_required(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SystemExit):
        parse_args(["--database-url", ""])


def test_sqlite_is_refused_at_full_scale_and_accepted_for_a_tiny_run():
    with pytest.raises(SystemExit):
        parse_args(["--database-url", "sqlite:////tmp/x.sqlite3", "--scale", "1"])
    assert parse_args(["--database-url", "sqlite:////tmp/x.sqlite3",
                       "--scale", "0.001"]).scale == 0.001


@pytest.mark.django_db
def test_a_seeded_database_counts_as_holding_portal_data():
    # given
    assert not holds_portal_data()

    # when
    seed_tiny()

    # then
    assert holds_portal_data()
