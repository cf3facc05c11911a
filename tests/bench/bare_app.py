"""A bare FastAPI app with one endpoint: the baseline the service's throughput is compared to."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/check")
def check() -> dict[str, str]:
    return {"status": "ok"}
