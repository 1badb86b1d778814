from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Load data at IOM's scale and the benchmark harness (`make bench`). Nothing imports it."""

    name = "bench"
    verbose_name = _("Benchmarks")
