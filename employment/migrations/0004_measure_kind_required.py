import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Every measure now has its kind (0003), so the old `kind` column goes."""

    dependencies = [
        ("employment", "0003_seed_measure_kinds_and_national_rules"),
    ]

    operations = [
        migrations.RemoveField(model_name="measure", name="kind"),
        migrations.AlterField(
            model_name="measure",
            name="measure_type",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                    related_name="measures", to="employment.measuretype",
                                    verbose_name="kind"),
        ),
    ]
