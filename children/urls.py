from django.urls import path

from children import views

app_name = "children"

urlpatterns = [
    # The institution registry.
    path("institutions/", views.institution_list, name="institution_list"),
    path("institutions/new/", views.institution_create, name="institution_create"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution_detail"),
    path("institutions/<int:pk>/edit/", views.institution_edit, name="institution_edit"),
    # The municipality's names.
    path("settings/", views.settings_edit, name="settings"),
    # A child.
    path("person/<int:pk>/", views.child, name="child"),
    path("person/<int:pk>/places/new/", views.placement_create, name="placement_create"),
    path("places/<int:pk>/edit/", views.placement_edit, name="placement_edit"),
    path("person/<int:pk>/assessments/new/", views.assessment_create,
         name="assessment_create"),
    path("assessments/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("person/<int:pk>/youth-guidance/", views.guidance_edit, name="guidance_edit"),
]
