from django.urls import path

from housing.views import configuration, households, overview, places, stock

app_name = "housing"
urlpatterns = [
    path("", overview.start, name="start"),
    # The stock.
    path("homes/", stock.unit_list, name="unit_list"),
    path("homes/new/", stock.unit_create, name="unit_create"),
    path("homes/<int:pk>/", stock.unit_detail, name="unit_detail"),
    path("homes/<int:pk>/edit/", stock.unit_edit, name="unit_edit"),
    path("hosts/", stock.host_list, name="host_list"),
    path("hosts/new/", stock.host_create, name="host_create"),
    path("hosts/<int:pk>/edit/", stock.host_edit, name="host_edit"),
    # Places that matter.
    path("places/", places.place_list, name="place_list"),
    path("places/new/", places.place_create, name="place_create"),
    path("places/<int:pk>/edit/", places.place_edit, name="place_edit"),
    path("places/<int:pk>/delete/", places.place_delete, name="place_delete"),
    # Configuration.
    path("guidelines/", configuration.guideline, name="guideline"),
    path("guidelines/edit/", configuration.guideline_edit, name="guideline_edit"),
    path("service-frame/", configuration.service_frame, name="service_frame"),
    path("service-frame/new/", configuration.service_frame_add, name="service_frame_add"),
    path("service-frame/<int:pk>/edit/", configuration.service_frame_edit,
         name="service_frame_edit"),
    path("service-frame/<int:pk>/delete/", configuration.service_frame_delete,
         name="service_frame_delete"),
    path("quota/", configuration.quota, name="quota"),
    path("quota/edit/", configuration.quota_edit, name="quota_edit"),
    # A case's housing.
    path("cases/<int:pk>/", households.household, name="household"),
    path("cases/<int:pk>/match/", households.match, name="match"),
    path("cases/<int:pk>/reserve/", households.reserve, name="reserve"),
    path("cases/<int:pk>/placements/<int:placement_pk>/move-in/", households.move_in,
         name="move_in"),
    path("cases/<int:pk>/placements/<int:placement_pk>/move-out/", households.move_out,
         name="move_out"),
    path("cases/<int:pk>/placements/<int:placement_pk>/cancel/", households.cancel,
         name="cancel"),
    path("cases/<int:pk>/placements/<int:placement_pk>/checklist/", households.checklist,
         name="checklist"),
    path("cases/<int:pk>/placements/<int:placement_pk>/moving-help/", households.moving_help,
         name="moving_help"),
]
