# syntax=docker/dockerfile:1
# Production image for the integration portal (gunicorn + Django; the same image runs
# Celery worker/beat and the one-shot migrate job in docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# System libraries WeasyPrint needs at runtime (Pango, fonts) and gettext for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        fonts-noto-core \
        fonts-noto-ui-core \
        gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system portal \
    && useradd --system --gid portal --home-dir /app --no-create-home --shell /usr/sbin/nologin portal

WORKDIR /app

COPY . /app
RUN pip install --no-cache-dir .

# The image is production: DEBUG=0, so the settings refuse to start without SECRET_KEY and
# the CPR keys.
ENV DEBUG=0
# Static files are collected with the production (manifest) storage the image serves with;
# the throwaway keys exist only in this build step, never at run time.
RUN export SECRET_KEY=build-step-only-not-used-at-run-time \
    CPR_ENCRYPTION_KEY=YnVpbGQtc3RlcC1vbmx5LW5vdC1hLXJlYWwta2V5ISE= \
    CPR_HASH_KEY=build-step-only-not-used-at-run-time \
    && python manage.py compilemessages \
    && python manage.py collectstatic --noinput

# var/ holds media uploads and the beat schedule; pre-create it owned by the runtime user so
# named volumes mounted there inherit that ownership.
RUN mkdir -p /app/var/media \
    && chown -R portal:portal /app/var

USER portal

EXPOSE 8000

CMD ["gunicorn", "integration_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
