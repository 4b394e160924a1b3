from django.urls import path

from employment.views import configuration as configuration_views
from employment.views import danish as danish_views
from employment.views import employers as employer_views
from employment.views import igu as igu_views
from employment.views import measures as measure_views
from employment.views import overview
from employment.views import queue as views

app_name = "employment"
urlpatterns = [
    path("", overview.start, name="start"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:pk>/complete/", views.referral_complete, name="referral_complete"),
    path("queue/<int:pk>/close/", views.referral_close, name="referral_close"),
    # Measures.
    path("persons/<int:pk>/", measure_views.person, name="person"),
    path("persons/<int:pk>/measures/new/", measure_views.measure_plan, name="measure_plan"),
    path("measures/", measure_views.measure_list, name="measure_list"),
    path("measures/<int:pk>/", measure_views.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", measure_views.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/start/", measure_views.measure_start, name="measure_start"),
    path("measures/<int:pk>/end/", measure_views.measure_end, name="measure_end"),
    path("measures/<int:pk>/cancel/", measure_views.measure_cancel, name="measure_cancel"),
    # Employers and openings.
    path("employers/", employer_views.employer_list, name="employer_list"),
    path("employers/new/", employer_views.employer_create, name="employer_create"),
    path("employers/<int:pk>/", employer_views.employer_detail, name="employer_detail"),
    path("employers/<int:pk>/edit/", employer_views.employer_edit, name="employer_edit"),
    path("employers/<int:pk>/openings/new/", employer_views.opening_create,
         name="opening_create"),
    path("openings/", employer_views.opening_list, name="opening_list"),
    path("openings/<int:pk>/edit/", employer_views.opening_edit, name="opening_edit"),
    # IGU follow-up.
    path("measures/<int:pk>/igu/", igu_views.igu, name="igu"),
    path("measures/<int:pk>/igu/weeks/", igu_views.week_add, name="igu_week_add"),
    path("measures/<int:pk>/igu/weeks/<int:week_pk>/status/", igu_views.week_status,
         name="igu_week_status"),
    path("measures/<int:pk>/igu/weeks/<int:week_pk>/remove/", igu_views.week_remove,
         name="igu_week_remove"),
    path("measures/<int:pk>/igu/interruptions/", igu_views.interruption_add,
         name="igu_interruption_add"),
    # Danish education.
    path("danish/", danish_views.danish_list, name="danish_list"),
    path("persons/<int:pk>/danish/new/", danish_views.danish_create, name="danish_create"),
    path("danish/<int:pk>/edit/", danish_views.danish_edit, name="danish_edit"),
    path("danish/<int:pk>/tests/new/", danish_views.danish_test_add, name="danish_test_add"),
    # Configuration.
    path("rules/", configuration_views.rules, name="rules"),
    path("rules/new/", configuration_views.rules_new, name="rules_new"),
    path("kinds/", configuration_views.measure_types, name="measure_types"),
    path("kinds/new/", configuration_views.measure_type_create, name="measure_type_create"),
    path("kinds/<int:pk>/edit/", configuration_views.measure_type_edit,
         name="measure_type_edit"),
]
