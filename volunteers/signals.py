"""Events the volunteers app announces to the apps that build on it.

The doors open downwards: employment knows volunteers, volunteers knows nothing of
employment. So when a volunteer's report matters to another app, the volunteers service
sends a signal and the other app connects a receiver in its `AppConfig.ready()`.

These are domain events sent by a service, not model signals: no business flow hangs on
`post_save`.
"""

from django.dispatch import Signal

# A volunteer completed a task with a report that says they found a language internship
# (sprogpraktik). Sent by `volunteers.services.task_complete` inside its transaction, after
# the report is saved, with `report=` (the TaskReport). A receiver's writes therefore commit
# or roll back together with the report; a receiver that raises fails the completion. Work
# outside the database belongs in a task enqueued on commit.
internship_found = Signal()
