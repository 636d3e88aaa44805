import os

from fastapi import FastAPI

api = FastAPI(title="notes")
STORAGE_BUCKET = os.environ.get("NOTES_BUCKET")


@api.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
