"""Participants' evaluations of events (surveys of the "event evaluation" kind).

Other apps' templates reach them through `{% load surveys_evaluations %}`; code that may
import surveys calls `event_evaluation_summary(event)`: response counts, rate and links.
"""

from surveys.evaluations.summary import EvaluationSummary, event_evaluation_summary

__all__ = ["EvaluationSummary", "event_evaluation_summary"]
