from django.urls import path

from volunteers.views import staff, volunteer

app_name = "volunteers"
urlpatterns = [
    # The volunteer's side: outside the privacy wall.
    path("tasks/", volunteer.board, name="board"),
    path("tasks/mine/", volunteer.my_tasks, name="my_tasks"),
    path("tasks/<int:pk>/claim/", volunteer.task_claim, name="task_claim"),
    path("tasks/<int:pk>/release/", volunteer.task_release, name="task_release"),
    path("tasks/<int:pk>/hours/", volunteer.hours_add, name="hours_add"),
    path("tasks/<int:pk>/complete/", volunteer.task_complete, name="task_complete"),
    # The staff side.
    path("tasks/new/", staff.task_create, name="task_create"),
    path("coordination/", staff.coordination, name="coordination"),
    path("coordination/volunteers/<int:pk>/approve/", staff.volunteer_approve,
         name="volunteer_approve"),
]
