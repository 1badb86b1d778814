from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Membership surveys")

    def ready(self):
        import surveys.access  # noqa: F401  (registers the surveys.* permissions)
        from idm.reminders import register
        from surveys.evaluations.reminders import (
            send_due_evaluation_invitations,
            send_due_evaluation_reminders,
        )
        from surveys.services.reminders import send_due_survey_reminders

        register(send_due_survey_reminders)
        register(send_due_evaluation_invitations)
        register(send_due_evaluation_reminders)
