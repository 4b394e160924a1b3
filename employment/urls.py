from django.urls import path

from employment.views import queue as views

app_name = "employment"
urlpatterns = [
    path("", views.start, name="start"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:pk>/complete/", views.referral_complete, name="referral_complete"),
    path("queue/<int:pk>/close/", views.referral_close, name="referral_close"),
]
