"""The one way the portal sends an email: in the recipient's language, subject + text + HTML.

    send_email(
        to=user.email,
        language=user.preferred_language,
        subject_template="app/email/x_subject.txt",
        text_template="app/email/x.txt",
        context={...},
    )

Everything is rendered inside `translation.override(language)` (as pretix does with
`language(locale)`), so texts, dates and translated fields follow the recipient, not whoever
caused the email. A context whose values are translated when computed (display values,
formatted dates) can be given as a function: it is called inside the recipient's language.
Links in emails come from `idm.links.absolute_url`. Without an HTML
template, the HTML alternative is the text in the portal's email layout. This module is the
only place that builds and sends an EmailMultiAlternatives.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

HTML_LAYOUT = "idm/email/layout.html"


def email_language(language):
    """`language` if the portal offers it (a region variant counts: "fr-ch" → "fr"), else
    the default language."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").lower()
    for candidate in (language, language.split("-")[0]):
        if candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


def build_email(*, to, subject_template, text_template, context, language, html_template=None):
    """The message, rendered in `language` (not sent)."""
    language = email_language(language)
    recipients = [to] if isinstance(to, str) else list(to)
    with translation.override(language):
        context = {**(context() if callable(context) else context), "language": language}
        subject = " ".join(render_to_string(subject_template, context).split())
        text = render_to_string(text_template, context)
        if html_template:
            html = render_to_string(html_template, context)
        else:
            html = render_to_string(HTML_LAYOUT, {"subject": subject, "text": text, **context})
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients
    )
    message.attach_alternative(html, "text/html")
    return message


def send_email(**kwargs):
    """Build (see build_email) and send one email; returns the number sent (0 or 1)."""
    return build_email(**kwargs).send()
