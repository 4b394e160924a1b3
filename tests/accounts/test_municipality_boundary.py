"""No user can read or write another municipality's rows."""

import pytest
from django.http import Http404
from django.urls import reverse

from integration_portal.accounts.models import User
from integration_portal.core.scoping import get_visible_or_404
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_visible_to_returns_only_the_users_own_municipality(manager, other_manager):
    # given users in two municipalities
    colleague = UserFactory(municipality=manager.municipality, caseworker=True)
    stranger = UserFactory(municipality=other_manager.municipality, caseworker=True)

    # when the manager's view of users is taken
    visible = set(User.objects.visible_to(manager))

    # then only their own municipality's users are in it
    assert colleague in visible
    assert manager in visible
    assert stranger not in visible
    assert other_manager not in visible


def test_visible_to_is_empty_for_anonymous_users(manager):
    from django.contrib.auth.models import AnonymousUser

    assert not User.objects.visible_to(AnonymousUser()).exists()


def test_get_visible_or_404_hides_other_municipalities_rows(manager, other_manager):
    with pytest.raises(Http404):
        get_visible_or_404(User.objects.all(), manager, pk=other_manager.pk)
    assert get_visible_or_404(User.objects.all(), manager, pk=manager.pk) == manager


def test_the_staff_list_shows_only_the_managers_municipality(client, manager, other_manager):
    # given a colleague and a user in another municipality
    colleague = UserFactory(municipality=manager.municipality, caseworker=True)
    client.force_login(manager)

    # when the manager opens the staff list
    response = client.get(reverse("accounts:staff"))

    # then the colleague is listed and the other municipality's manager is not
    assert response.status_code == 200
    content = response.content.decode()
    assert colleague.email in content
    assert other_manager.email not in content


def test_the_staff_list_query_count_does_not_grow_with_staff(
    client, manager, django_assert_max_num_queries
):
    client.force_login(manager)
    UserFactory.create_batch(3, municipality=manager.municipality, caseworker=True)
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("accounts:staff"))

    UserFactory.create_batch(30, municipality=manager.municipality, caseworker=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("accounts:staff"))


def test_a_manager_changes_only_their_own_municipalitys_settings(
    client, manager, other_manager
):
    # given a manager logged in
    client.force_login(manager)

    # when they switch off two-factor authentication (on by default)
    response = client.post(
        reverse("accounts:municipality_settings"),
        {"contact_email": "kontakt@lejre.example",
         "milestone_warning_days": "10", "boerneattest_renewal_months": "24"},
    )

    # then their municipality changed and the other did not
    assert response.status_code == 302
    manager.municipality.refresh_from_db()
    other_manager.municipality.refresh_from_db()
    assert manager.municipality.mfa_required is False
    assert manager.municipality.contact_email == "kontakt@lejre.example"
    assert other_manager.municipality.mfa_required is True


def test_bad_settings_input_keeps_what_was_typed_and_saves_nothing(client, manager):
    client.force_login(manager)

    response = client.post(
        reverse("accounts:municipality_settings"),
        {"contact_email": "not-an-address", "milestone_warning_days": "7",
         "boerneattest_renewal_months": "24"},
    )

    assert response.status_code == 200
    assert "contact_email" in response.context["form"].errors
    assert "not-an-address" in response.content.decode()
    manager.municipality.refresh_from_db()
    assert manager.municipality.mfa_required is True


@pytest.mark.parametrize("url_name", ["accounts:staff", "accounts:municipality_settings",
                                      "manager_home"])
@pytest.mark.parametrize(("role", "status"), [("caseworker", 403), ("volunteer", 404)])
def test_manager_pages_are_refused_to_other_roles(client, request, url_name, role, status):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse(url_name)).status_code == status


@pytest.mark.parametrize(
    "url_name",
    ["reception:start", "housing:start", "employment:start", "volunteers:coordination"],
)
def test_staff_pages_do_not_exist_for_volunteers(client, volunteer, url_name):
    client.force_login(volunteer)

    assert client.get(reverse(url_name)).status_code == 404


def test_the_volunteer_board_is_forbidden_to_caseworkers(client, caseworker):
    client.force_login(caseworker)

    assert client.get(reverse("volunteers:board")).status_code == 403
