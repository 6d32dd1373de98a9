# The production image of Lief & Leed: web (gunicorn, the default command) and worker
# (`python manage.py qcluster`). Follows docs/deployment.md; compose.yaml runs it with PostgreSQL
# and Redis.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/var/media \
    TRUSTED_PROXY_COUNT=1 \
    WEB_CONCURRENCY=3

# The Debian packages of scripts/setup without the test tools: Pango and HarfBuzz for WeasyPrint
# (libharfbuzz-subset0 makes it 7-10x faster), fonts for Dutch, Turkish, Polish and Arabic, gettext.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core fonts-noto-core gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --uid 1000 --user-group liefleed

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Translations and static files are part of the image. The production settings refuse to load
# without a SECRET_KEY; collectstatic gets a throw-away one that is not kept in the image.
RUN python scripts/compile_messages.py \
    && SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
        python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media \
    && chown -R liefleed:liefleed /app/var

USER liefleed
EXPOSE 8000
VOLUME ["/app/var/media"]

# /healthz must be asked for with a host name from ALLOWED_HOSTS; it answers 503 when unhealthy.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); h = 'localhost' if h in ('', '*') else h; r.urlopen(r.Request('http://127.0.0.1:8000/healthz', headers={'Host': h}), timeout=8)"]

CMD ["sh", "-c", "exec gunicorn cms.wsgi --bind 0.0.0.0:8000 --no-control-socket --workers ${WEB_CONCURRENCY} --timeout 60 --graceful-timeout 30 --max-requests 1000 --max-requests-jitter 100 --access-logfile -"]
