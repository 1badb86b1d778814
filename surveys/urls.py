from django.urls import path, register_converter

from surveys.views import documents, evaluations, respond, review, staff


class StateCodeConverter:
    """ISO 3166 alpha-2 code of a member state, e.g. PH."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value.upper()


register_converter(StateCodeConverter, "state")

app_name = "surveys"

urlpatterns = [
    path("surveys/", respond.survey_list, name="list"),
    path("surveys/<int:pk>/", respond.survey_start, name="start"),
    path("surveys/<int:pk>/dashboard/", staff.dashboard, name="dashboard"),
    path("surveys/<int:pk>/remind/", staff.remind, name="remind"),
    path("surveys/<int:pk>/results/", staff.results, name="results"),
    path("surveys/<int:pk>/adopt-theme/", staff.adopt_theme, name="adopt-theme"),
    path("surveys/<int:pk>/responses.csv", staff.export, {"file_format": "csv"}, name="csv"),
    path("surveys/<int:pk>/responses.xlsx", staff.export, {"file_format": "xlsx"}, name="xlsx"),
    path(
        "surveys/<int:pk>/questionnaire.pdf", documents.questionnaire_pdf, name="questionnaire-pdf"
    ),
    path("surveys/<int:pk>/<state:code>/", respond.response_overview, name="response"),
    path("surveys/<int:pk>/<state:code>/review/", review.review, name="review"),
    path("surveys/<int:pk>/<state:code>/submit/", review.submit, name="submit"),
    path("surveys/<int:pk>/<state:code>/notify/", review.notify, name="notify"),
    path("surveys/<int:pk>/<state:code>/response.pdf", documents.response_pdf, name="response-pdf"),
    path("surveys/<int:pk>/<state:code>/reopen/", respond.reopen, name="reopen"),
    path(
        "surveys/<int:pk>/<state:code>/sections/<int:position>/",
        respond.section_page,
        name="section",
    ),
    path(
        "surveys/<int:pk>/<state:code>/sections/<int:position>/autosave/",
        respond.section_autosave,
        name="autosave",
    ),
    path(
        "surveys/<int:pk>/<state:code>/sections/<int:position>/conflict/",
        respond.conflict_page,
        name="conflict",
    ),
    # Event evaluations: a participant's personal link, and the event's staff page.
    path("evaluations/<str:token>/", evaluations.respond, name="evaluation"),
    path(
        "events/<slug:slug>/evaluation/",
        evaluations.event_evaluation,
        name="event-evaluation",
    ),
    path(
        "events/<slug:slug>/evaluation/create/",
        evaluations.create_evaluation,
        name="create-evaluation",
    ),
    path(
        "events/<slug:slug>/evaluation/invitations/",
        evaluations.send_invitations,
        name="evaluation-invitations",
    ),
]
