from django.urls import path

from volunteers import views

app_name = "volunteers"
urlpatterns = [
    path("tasks/", views.board, name="board"),
    path("coordination/", views.coordination, name="coordination"),
]
