"""`/api/v1/`: the registered viewsets, the OpenAPI schema and its documentation page."""

from django.urls import include, path

from integration_portal.api import views
from integration_portal.api.registry import router

urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="api_schema"),
    path("docs/", views.api_docs, name="api_docs"),
    path("", include(router.urls)),
]
