# IDM Portal under gunicorn; static files served by WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_MEDIA_ROOT=/data/media

WORKDIR /app
# Pango and a font for WeasyPrint (the PDF list of participants and the badges).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 idm && mkdir -p /data/media && chown idm /data/media

COPY pyproject.toml README.md ./
COPY idm ./idm
COPY workshops ./workshops
COPY principles ./principles
COPY surveys ./surveys
COPY funding ./funding
COPY bench ./bench
RUN pip install .

COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only IDM_SITE_URL=http://localhost \
    python manage.py collectstatic --noinput

USER idm
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["python", "deploy/healthcheck.py"]
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py seed_idm && exec gunicorn idm.wsgi:application --bind 0.0.0.0:8000 --workers 3 --access-logfile -"]
