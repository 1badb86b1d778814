"""The secretariat's funding reports (mounted through funding/urls.py)."""

from django.urls import path

from funding import views_reports

urlpatterns = [
    path("dialogues/<int:year>/funding/", views_reports.funding_report, name="report"),
    path("dialogues/<int:year>/funding.csv", views_reports.funding_report_csv, name="report-csv"),
    path(
        "dialogues/<int:year>/funding.xlsx", views_reports.funding_report_xlsx, name="report-xlsx"
    ),
    path("contributions/<int:pk>/statement/", views_reports.statement, name="statement"),
    path("contributions/<int:pk>/statement.pdf", views_reports.statement_pdf, name="statement-pdf"),
    path("events/<slug:slug>/report/", views_reports.event_report, name="event-report"),
]
