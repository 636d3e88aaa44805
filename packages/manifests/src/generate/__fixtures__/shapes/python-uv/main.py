import os

import uvicorn
from fastapi import FastAPI

app = FastAPI()
INDEX = os.getenv("SEARCH_INDEX", "products")
OPENSEARCH_PASSWORD = os.environ["OPENSEARCH_PASSWORD"]


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8010)
