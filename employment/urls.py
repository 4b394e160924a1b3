from django.urls import path

from employment import views

app_name = "employment"
urlpatterns = [path("", views.start, name="start")]
