#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idm.settings")
    if "DJANGO_DEBUG" not in os.environ and "DJANGO_SECRET_KEY" not in os.environ:
        # A checkout with no configuration at all is a developer's: run commands in
        # development mode. Production always sets DJANGO_SECRET_KEY (the web server refuses
        # to start without it), so this never applies there.
        os.environ["DJANGO_DEBUG"] = "1"
        # Says that nobody asked for development mode: commands that would be dangerous on a
        # production database (`seed_idm --demo`) require DJANGO_DEBUG=1 set explicitly.
        os.environ["IDM_IMPLICIT_DEVELOPMENT_MODE"] = "1"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
