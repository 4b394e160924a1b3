"""On PostgreSQL, refuse any write that would put more persons in a home than it holds.

The placement services already lock the home and count (housing/services/placements.py);
this trigger makes the guarantee the database's own, whoever writes. It locks the home's row
too, so two concurrent writes for one home are checked one after the other; under READ
COMMITTED each statement of the function sees what was committed before it ran.

Occupancy is counted as in `housing.matching.peak_load`: a placement occupies
[starts_on, ends_on) (ends_on NULL: open-ended), cancelled ones and empty periods occupy
nothing, and the peak is found at the new period's start or at a move-in inside it.

An exclusion constraint cannot say this (it forbids any overlap; homes hold several
persons), so a trigger it is. SQLite runs one writer at a time and relies on the services.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION housing_placement_check_capacity() RETURNS trigger AS $$
DECLARE
    home_capacity integer;
    peak integer;
BEGIN
    IF NEW.status = 'cancelled' OR (NEW.ends_on IS NOT NULL AND NEW.ends_on <= NEW.starts_on) THEN
        RETURN NEW;
    END IF;
    SELECT capacity INTO home_capacity FROM housing_housingunit WHERE id = NEW.unit_id FOR UPDATE;
    WITH overlapping AS (
        SELECT starts_on, ends_on, persons FROM housing_placement
        WHERE unit_id = NEW.unit_id AND id <> NEW.id AND status <> 'cancelled'
          AND (ends_on IS NULL OR ends_on > starts_on)
          AND (ends_on IS NULL OR ends_on > NEW.starts_on)
          AND (NEW.ends_on IS NULL OR starts_on < NEW.ends_on)
    ), days AS (
        SELECT NEW.starts_on AS day
        UNION SELECT starts_on FROM overlapping WHERE starts_on > NEW.starts_on
    )
    SELECT COALESCE(MAX(load), 0) INTO peak FROM (
        SELECT (SELECT COALESCE(SUM(o.persons), 0) FROM overlapping o
                WHERE o.starts_on <= d.day AND (o.ends_on IS NULL OR o.ends_on > d.day)) AS load
        FROM days d
    ) loads;
    IF peak + NEW.persons > home_capacity THEN
        RAISE EXCEPTION 'housing unit % would hold % persons, its capacity is %',
            NEW.unit_id, peak + NEW.persons, home_capacity
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER housing_placement_capacity
    BEFORE INSERT OR UPDATE OF unit_id, starts_on, ends_on, persons, status
    ON housing_placement
    FOR EACH ROW EXECUTE FUNCTION housing_placement_check_capacity();
"""

DROP = """
DROP TRIGGER IF EXISTS housing_placement_capacity ON housing_placement;
DROP FUNCTION IF EXISTS housing_placement_check_capacity();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # No parameters: the function body holds literal % signs (RAISE placeholders).
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("housing", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
