import os

import redis
from flask import Flask

app = Flask(__name__)
cache = redis.from_url(os.environ["REDIS_URL"])
FLASK_SECRET = os.getenv("SESSION_SECRET")


@app.route("/healthz")
def healthz():
    return "ok"
