from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Events and registrations")

    def ready(self):
        from idm.reminders import register
        from workshops.reminders import send_due_event_reminders

        register(send_due_event_reminders)
