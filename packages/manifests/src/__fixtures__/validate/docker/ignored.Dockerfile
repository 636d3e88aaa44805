# opspilot-ignore-file docker-healthcheck
FROM python:3.12.2-slim-bookworm@sha256:5c73034c2bc151596ee0f1335610735162ee2b148816710706afec4757ad5b1e
WORKDIR /app
# opspilot-ignore docker-pip-pin-versions
RUN pip install --no-cache-dir gunicorn
COPY . /app
USER 10001
CMD ["gunicorn", "app:app"]
