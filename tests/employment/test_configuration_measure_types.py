"""Kinds of measure as configuration: the national kinds are read-only, a manager adds the
municipality's own with a code made from the name, renames them and stops offering them; a
kind's category stays once measures of it exist."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from employment.models import MeasureType
from employment.selectors.rules import measure_types_offered
from employment.services.configuration import measure_type_create, measure_type_update
from integration_portal.audit.models import AuditEvent
from tests.employment.factories import MeasureFactory, measure_type
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def create(municipality, actor, name="Jobtræningsbaneforløb", category="job_training", **kw):
    return measure_type_create(municipality=municipality, actor=actor, name=name,
                               category=category, **kw)


# --- The services ----------------------------------------------------------------------------


def test_a_manager_adds_a_kind_with_a_code_made_from_the_danish_name(manager, municipality):
    # when
    kind = create(municipality, manager, name=" Jobtræningsbaneforløb i Lejre ",
                  name_en="Job-training track", position=5)

    # then
    assert (kind.municipality, kind.code, kind.name, kind.name_en, kind.category,
            kind.position, kind.is_active) == (
        municipality, "jobtraeningsbaneforloeb-i-lejre", "Jobtræningsbaneforløb i Lejre",
        "Job-training track", "job_training", 5, True)
    assert kind in measure_types_offered(municipality_id=municipality.pk)
    event = AuditEvent.objects.get(object_type="employment.measuretype")
    assert (event.action, event.object_id, event.actor) == ("create", str(kind.pk), manager)


def test_a_code_taken_gets_a_number(manager, municipality):
    # given: "igu" is a national code
    first = create(municipality, manager, name="Jobtræning")
    second = create(municipality, manager, name="Jobtræning!")
    igu = create(municipality, manager, name="IGU", category="igu")

    assert (first.code, second.code, igu.code) == ("jobtraening", "jobtraening-2", "igu-2")


def test_another_municipalitys_codes_do_not_count(manager, municipality, other_manager,
                                                  other_municipality):
    create(other_municipality, other_manager, name="Jobtræning")

    assert create(municipality, manager, name="Jobtræning").code == "jobtraening"


def test_a_name_in_use_is_refused(manager, municipality):
    # given: an own kind, and the national "Småjob"
    create(municipality, manager, name="Jobtræning")

    # then: neither name can be used again, in any case
    for name in ("jobtræning", "SMÅJOB"):
        with pytest.raises(ValidationError) as refused:
            create(municipality, manager, name=name)
        assert refused.value.message_dict == {"name": [
            f"There is already a kind of measure named {name}."]}
    assert MeasureType.objects.in_municipality(municipality).count() == 1


def test_a_kind_needs_a_name_and_a_known_category(manager, municipality):
    with pytest.raises(ValidationError) as refused:
        create(municipality, manager, name="  ", category="lottery")

    assert set(refused.value.message_dict) == {"name", "category"}
    assert not MeasureType.objects.in_municipality(municipality).exists()


def test_a_manager_renames_a_kind_and_stops_offering_it(manager, municipality):
    # given
    kind = create(municipality, manager, name="Jobtræning")

    # when
    changed = measure_type_update(measure_type=kind, actor=manager, name="Jobtræningsforløb",
                                  is_active=False)

    # then: the code stays, the kind is no longer offered
    assert (changed.name, changed.code, changed.is_active) == (
        "Jobtræningsforløb", "jobtraening", False)
    assert kind not in measure_types_offered(municipality_id=municipality.pk)
    event = AuditEvent.objects.filter(object_type="employment.measuretype",
                                      action="update").get()
    assert event.changed_fields == ["is_active", "name"]


def test_the_category_changes_only_while_no_measure_has_the_kind(manager, municipality):
    # given
    kind = create(municipality, manager, name="Jobtræning")
    kind = measure_type_update(measure_type=kind, actor=manager, category="other")
    assert kind.category == "other"
    person = PersonFactory(household=HouseholdFactory(municipality=municipality))
    MeasureFactory(person=person, measure_type=kind)

    # when
    with pytest.raises(ValidationError) as refused:
        measure_type_update(measure_type=kind, actor=manager, category="company_internship")

    # then
    assert list(refused.value.message_dict) == ["category"]
    kind.refresh_from_db()
    assert kind.category == "other"


def test_the_national_kinds_cannot_be_changed(manager):
    national = measure_type("igu")

    with pytest.raises(PermissionError):
        measure_type_update(measure_type=national, actor=manager, name="Noget andet")

    national.refresh_from_db()
    assert national.name == "Integrationsgrunduddannelse (IGU)"


@pytest.mark.parametrize("who", ["caseworker", "other_manager"])
def test_only_the_municipalitys_managers_configure_kinds(request, manager, municipality, who):
    actor = request.getfixturevalue(who)
    kind = create(municipality, manager, name="Jobtræning")

    with pytest.raises(PermissionError):
        create(municipality, actor, name="Noget andet")
    with pytest.raises(PermissionError):
        measure_type_update(measure_type=kind, actor=actor, name="Noget andet")


# --- The pages -------------------------------------------------------------------------------


def test_the_page_lists_the_national_and_the_own_kinds(client, manager, municipality,
                                                       other_manager, other_municipality,
                                                       django_assert_max_num_queries):
    # given
    ours = create(municipality, manager, name="Jobtræning", name_en="Job training")
    create(other_municipality, other_manager, name="Vejen-forløb")
    client.force_login(manager)

    # when
    with django_assert_max_num_queries(6):
        response = client.get(reverse("employment:measure_types"))

    # then
    assert response.status_code == 200
    assert list(response.context["own"]) == [ours]
    content = response.content.decode()
    assert f'<a href="{reverse("employment:measure_type_edit", args=[ours.pk])}">Jobtræning</a>' \
        in content
    assert "Integrationsgrunduddannelse (IGU)" in content
    assert "Vejen-forløb" not in content
    national_igu = reverse("employment:measure_type_edit", args=[measure_type("igu").pk])
    assert national_igu not in content
    assert reverse("employment:measure_type_create") in content


def test_a_caseworker_reads_the_kinds_without_links_to_change_them(client, caseworker, manager,
                                                                   municipality):
    ours = create(municipality, manager, name="Jobtræning")
    client.force_login(caseworker)

    content = client.get(reverse("employment:measure_types")).content.decode()

    assert "Jobtræning" in content
    assert reverse("employment:measure_type_edit", args=[ours.pk]) not in content
    assert reverse("employment:measure_type_create") not in content


def test_a_manager_adds_a_kind_on_the_form(client, manager, municipality):
    client.force_login(manager)

    response = client.post(reverse("employment:measure_type_create"), {
        "name": "Jobtræning", "name_en": "Job training", "category": "job_training",
        "position": "3"})

    assert response.status_code == 302
    assert response.url == reverse("employment:measure_types")
    kind = MeasureType.objects.in_municipality(municipality).get()
    assert (kind.code, kind.category, kind.position, kind.is_active) == (
        "jobtraening", "job_training", 3, True)


def test_a_name_in_use_is_shown_on_the_form_keeping_what_was_typed(client, manager,
                                                                    municipality):
    client.force_login(manager)

    response = client.post(reverse("employment:measure_type_create"), {
        "name": "Småjob", "name_en": "Small job", "category": "small_job", "position": "0"})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"name": ["There is already a kind of measure named Småjob."]}
    assert form["name_en"].value() == "Small job"
    assert not MeasureType.objects.in_municipality(municipality).exists()


def test_a_manager_stops_offering_a_kind_on_the_form(client, manager, municipality):
    # given
    kind = create(municipality, manager, name="Jobtræning")
    client.force_login(manager)
    url = reverse("employment:measure_type_edit", args=[kind.pk])
    assert client.get(url).context["form"]["is_active"].value() is True

    # when: the "offered" box is left unticked
    response = client.post(url, {"name": "Jobtræning", "name_en": "",
                                 "category": "job_training", "position": "0"})

    # then
    assert response.status_code == 302
    kind.refresh_from_db()
    assert kind.is_active is False
