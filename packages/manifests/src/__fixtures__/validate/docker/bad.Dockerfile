FROM ubuntu:latest
MAINTAINER ops@example.com
ENV API_TOKEN=abc123
RUN apt-get update && apt-get install curl python3
RUN cd /opt && curl -sSL https://example.com/install.sh | bash
ADD . /app
WORKDIR app
RUN pip install flask
EXPOSE 80000
CMD python3 app.py
