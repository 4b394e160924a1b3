from django.urls import path

from integration_portal.retention import views

app_name = "retention"
urlpatterns = [
    path("", views.due, name="due"),
    path("periods/", views.periods, name="periods"),
]
